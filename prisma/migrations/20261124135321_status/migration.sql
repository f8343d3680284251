-- CreateTable
CREATE TABLE "ServerState" (
    "serverId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "lagSeconds" REAL,
    "lagSource" TEXT,
    "snapshot" TEXT NOT NULL,
    "checkedAt" REAL NOT NULL,
    "reachedAt" REAL,
    CONSTRAINT "ServerState_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LagSample" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "at" REAL NOT NULL,
    "lagSeconds" REAL,
    "source" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Server" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 3306,
    "user" TEXT NOT NULL,
    "passwordEnc" TEXT NOT NULL,
    "tlsMode" TEXT NOT NULL DEFAULT 'disabled',
    "cluster" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "lagWarnSeconds" INTEGER,
    "lagCritSeconds" INTEGER,
    "flavor" TEXT,
    "version" TEXT,
    "lastCheckStatus" TEXT,
    "lastCheckDetail" TEXT,
    "lastCheckedAt" DATETIME,
    "heartbeatEnabled" BOOLEAN NOT NULL DEFAULT false,
    "heartbeatSchema" TEXT NOT NULL DEFAULT 'replscope',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Server" ("cluster", "createdAt", "flavor", "host", "id", "lagCritSeconds", "lagWarnSeconds", "lastCheckDetail", "lastCheckStatus", "lastCheckedAt", "name", "passwordEnc", "port", "tags", "tlsMode", "updatedAt", "user", "version") SELECT "cluster", "createdAt", "flavor", "host", "id", "lagCritSeconds", "lagWarnSeconds", "lastCheckDetail", "lastCheckStatus", "lastCheckedAt", "name", "passwordEnc", "port", "tags", "tlsMode", "updatedAt", "user", "version" FROM "Server";
DROP TABLE "Server";
ALTER TABLE "new_Server" RENAME TO "Server";
CREATE UNIQUE INDEX "Server_name_key" ON "Server"("name");
CREATE UNIQUE INDEX "Server_host_port_key" ON "Server"("host", "port");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LagSample_serverId_at_idx" ON "LagSample"("serverId", "at");

-- CreateIndex
CREATE INDEX "LagSample_at_idx" ON "LagSample"("at");

