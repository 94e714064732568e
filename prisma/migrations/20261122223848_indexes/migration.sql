-- DropIndex
DROP INDEX "Submission_clientId_status_dueOn_idx";

-- CreateIndex
CREATE INDEX "Submission_clientId_status_dueOn_assignmentId_submittedAt_idx" ON "Submission"("clientId", "status", "dueOn", "assignmentId", "submittedAt");

-- CreateIndex
CREATE INDEX "Measurement_submissionId_idx" ON "Measurement"("submissionId");

-- CreateIndex
CREATE INDEX "SafetyFlag_submissionId_idx" ON "SafetyFlag"("submissionId");
