-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT,
    "hookUrl" TEXT,
    "hookCluster" TEXT,
    "alertId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" REAL NOT NULL,
    "claimedUntil" REAL,
    "lastError" TEXT,
    "createdAt" REAL NOT NULL,
    "deliveredAt" REAL,
    "failedAt" REAL,
    CONSTRAINT "Outbox_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Outbox" ("alertId", "attempts", "channelId", "claimedUntil", "createdAt", "deliveredAt", "failedAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload") SELECT "alertId", "attempts", "channelId", "claimedUntil", "createdAt", "deliveredAt", "failedAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload" FROM "Outbox";
DROP TABLE "Outbox";
ALTER TABLE "new_Outbox" RENAME TO "Outbox";
CREATE INDEX "Outbox_deliveredAt_failedAt_nextAttemptAt_idx" ON "Outbox"("deliveredAt", "failedAt", "nextAttemptAt");
CREATE UNIQUE INDEX "Outbox_channelId_idempotencyKey_key" ON "Outbox"("channelId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

