-- AlterTable
ALTER TABLE "ServerState" ADD COLUMN "stateSince" REAL;

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "since" REAL NOT NULL,
    "firedAt" REAL,
    "resolvedAt" REAL,
    "missingSince" REAL,
    "silenced" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" REAL,
    "notified" TEXT,
    "lastNotifiedAt" REAL,
    "lastFiringNotifiedAt" REAL,
    "seq" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Silence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT,
    "cluster" TEXT,
    "code" TEXT,
    "endsAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT,
    "cluster" TEXT,
    "serverId" TEXT,
    "forSeconds" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "secretEnc" TEXT,
    "smtp" TEXT,
    "smtpPasswordEnc" TEXT,
    "to" TEXT,
    "minSeverity" TEXT NOT NULL DEFAULT 'warning',
    "clusters" TEXT NOT NULL DEFAULT '[]',
    "lastResult" TEXT,
    "lastError" TEXT,
    "lastAttemptAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
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

-- CreateIndex
CREATE INDEX "Alert_serverId_idx" ON "Alert"("serverId");

-- CreateIndex
CREATE INDEX "Alert_state_idx" ON "Alert"("state");

-- CreateIndex
CREATE INDEX "Silence_endsAt_idx" ON "Silence"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertChannel_name_key" ON "AlertChannel"("name");

-- CreateIndex
CREATE INDEX "Outbox_deliveredAt_failedAt_nextAttemptAt_idx" ON "Outbox"("deliveredAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_channelId_idempotencyKey_key" ON "Outbox"("channelId", "idempotencyKey");

