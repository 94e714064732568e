-- CreateEnum
CREATE TYPE "PracticeRole" AS ENUM ('OWNER', 'CLINICIAN', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "SessionRecurrence" AS ENUM ('NONE', 'WEEKLY', 'FORTNIGHTLY');

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "crisisLines" JSONB,
ADD COLUMN     "defaultReminderTime" TEXT,
ADD COLUMN     "escalateAfterHours" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "practiceRole" "PracticeRole";

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "country" TEXT;

-- AlterTable
ALTER TABLE "ExerciseTemplate" ADD COLUMN     "sharedWithPractice" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "SafetyFlag" ADD COLUMN     "alertQueuedAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "OutboxStatus" NOT NULL DEFAULT 'QUEUED';

-- CreateTable
CREATE TABLE "Supervision" (
    "practiceId" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "clinicianId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("supervisorId","clinicianId")
);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "practiceRole" "PracticeRole" NOT NULL,
    "createdById" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackReply" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TherapySession" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clinicianId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 50,
    "recurrence" "SessionRecurrence" NOT NULL DEFAULT 'NONE',
    "seriesId" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TherapySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionNote" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionNote" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Supervision_clinicianId_idx" ON "Supervision"("clinicianId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_practiceId_createdAt_idx" ON "StaffInvitation"("practiceId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffInvitation_email_idx" ON "StaffInvitation"("email");

-- CreateIndex
CREATE INDEX "FeedbackReply_feedbackId_createdAt_idx" ON "FeedbackReply"("feedbackId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackReply_clientId_readAt_idx" ON "FeedbackReply"("clientId", "readAt");

-- CreateIndex
CREATE INDEX "TherapySession_clientId_startsAt_idx" ON "TherapySession"("clientId", "startsAt");

-- CreateIndex
CREATE INDEX "TherapySession_clinicianId_startsAt_idx" ON "TherapySession"("clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "TherapySession_seriesId_idx" ON "TherapySession"("seriesId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionNote_sessionId_key" ON "SessionNote"("sessionId");

-- CreateIndex
CREATE INDEX "SessionNote_clientId_idx" ON "SessionNote"("clientId");

-- CreateIndex
CREATE INDEX "SupervisionNote_clientId_createdAt_idx" ON "SupervisionNote"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyFlag_acknowledgedAt_escalatedAt_raisedAt_idx" ON "SafetyFlag"("acknowledgedAt", "escalatedAt", "raisedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReply" ADD CONSTRAINT "FeedbackReply_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReply" ADD CONSTRAINT "FeedbackReply_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TherapySession" ADD CONSTRAINT "TherapySession_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TherapySession" ADD CONSTRAINT "TherapySession_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TherapySession" ADD CONSTRAINT "TherapySession_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNote" ADD CONSTRAINT "SessionNote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TherapySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNote" ADD CONSTRAINT "SessionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: every existing therapist started their practice alone, so each is its owner.
UPDATE "User" SET "practiceRole" = 'OWNER' WHERE "role" = 'THERAPIST' AND "practiceRole" IS NULL;

-- Staff have a practice role, clients never do.
ALTER TABLE "User" ADD CONSTRAINT "User_practiceRole_matches_role"
  CHECK (("role" = 'THERAPIST') = ("practiceRole" IS NOT NULL));

-- A supervisor and the clinician they supervise are two different people.
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_not_self" CHECK ("supervisorId" <> "clinicianId");

-- Messages sent before this migration are SENT; unsent ones stay QUEUED and are retried.
UPDATE "OutboxMessage" SET "status" = 'SENT' WHERE "sentAt" IS NOT NULL;
UPDATE "OutboxMessage" SET "attempts" = 1 WHERE "sentAt" IS NULL AND "error" IS NOT NULL;

-- Staff invitations, like User.email, are stored lower-cased.
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_email_lower" CHECK ("email" = lower("email"));

-- A session lasts between 5 minutes and 8 hours; the practice escalates after 1 hour to 2 weeks.
ALTER TABLE "TherapySession" ADD CONSTRAINT "TherapySession_duration" CHECK ("durationMinutes" BETWEEN 5 AND 480);
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_escalateAfterHours" CHECK ("escalateAfterHours" BETWEEN 1 AND 336);
