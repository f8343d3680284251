-- CreateTable
CREATE TABLE "SwitchoverRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "report" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "serverId" TEXT,
    "serverName" TEXT,
    "statement" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "address" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'statement'
);
INSERT INTO "new_AuditEntry" ("action", "actor", "at", "durationMs", "error", "id", "serverId", "serverName", "statement") SELECT "action", "actor", "at", "durationMs", "error", "id", "serverId", "serverName", "statement" FROM "AuditEntry";
DROP TABLE "AuditEntry";
ALTER TABLE "new_AuditEntry" RENAME TO "AuditEntry";
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");
CREATE INDEX "AuditEntry_actor_at_idx" ON "AuditEntry"("actor", "at");
CREATE INDEX "AuditEntry_serverId_at_idx" ON "AuditEntry"("serverId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SwitchoverRun_sourceId_status_idx" ON "SwitchoverRun"("sourceId", "status");

