-- CreateTable
CREATE TABLE "BootstrapRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currentStep" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "coordinates" TEXT,
    "progress" TEXT,
    "undo" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BootstrapStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "log" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    CONSTRAINT "BootstrapStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BootstrapRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "serverId" TEXT,
    "serverName" TEXT,
    "statement" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "BootstrapRun_targetId_status_idx" ON "BootstrapRun"("targetId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BootstrapStep_runId_stepId_key" ON "BootstrapStep"("runId", "stepId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_serverId_at_idx" ON "AuditEntry"("serverId", "at");

