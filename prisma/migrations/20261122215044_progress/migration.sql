-- CreateEnum
CREATE TYPE "AttentionFlag" AS ENUM ('DECLINING_CHECK_IN', 'OVERDUE', 'SILENT');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "partnerId" TEXT;

-- CreateTable
CREATE TABLE "FlagAcknowledgement" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "kind" "AttentionFlag" NOT NULL,
    "note" TEXT,
    "acknowledgedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlagAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlagAcknowledgement_clientId_kind_createdAt_idx" ON "FlagAcknowledgement"("clientId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Client_partnerId_key" ON "Client"("partnerId");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
