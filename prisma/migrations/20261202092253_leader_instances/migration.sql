-- AlterTable
ALTER TABLE "BootstrapRun" ADD COLUMN "owner" TEXT;

-- AlterTable
ALTER TABLE "SwitchoverRun" ADD COLUMN "owner" TEXT;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "expiresAt" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "LeaseFence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "startedAt" REAL NOT NULL,
    "lastSeenAt" REAL NOT NULL
);

