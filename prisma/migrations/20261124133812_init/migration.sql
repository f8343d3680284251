-- CreateTable
CREATE TABLE "Server" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Server_name_key" ON "Server"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Server_host_port_key" ON "Server"("host", "port");

