-- AlterTable
ALTER TABLE "FailoverRun" ADD COLUMN "owner" TEXT;

