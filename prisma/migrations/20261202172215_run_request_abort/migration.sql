-- AlterTable
ALTER TABLE "RunRequest" ADD COLUMN "abortAddress" TEXT;
ALTER TABLE "RunRequest" ADD COLUMN "abortBy" TEXT;

