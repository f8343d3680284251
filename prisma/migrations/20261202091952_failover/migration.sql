-- CreateTable
CREATE TABLE "FailoverRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "newSourceId" TEXT,
    "actor" TEXT NOT NULL,
    "auto" BOOLEAN NOT NULL DEFAULT false,
    "cluster" TEXT,
    "status" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "report" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ClusterSetting" (
    "cluster" TEXT NOT NULL PRIMARY KEY,
    "fencing" BOOLEAN NOT NULL DEFAULT true,
    "autoFailover" BOOLEAN NOT NULL DEFAULT false,
    "autoDelaySeconds" INTEGER NOT NULL DEFAULT 30,
    "cooldownSeconds" INTEGER NOT NULL DEFAULT 3600,
    "hookUrls" TEXT NOT NULL DEFAULT '[]',
    "hookSecretEnc" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable (self-contained: only the new column)
ALTER TABLE "Server" ADD COLUMN "promotionRule" TEXT NOT NULL DEFAULT 'neutral';

-- CreateIndex
CREATE INDEX "FailoverRun_sourceId_status_idx" ON "FailoverRun"("sourceId", "status");

