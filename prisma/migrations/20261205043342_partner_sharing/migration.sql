-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "sharedWithPartnerAt" TIMESTAMP(3);
