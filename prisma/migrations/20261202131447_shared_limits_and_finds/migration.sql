-- CreateTable
CREATE TABLE "SignInSlot" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "at" REAL NOT NULL,
    "token" TEXT NOT NULL,

    PRIMARY KEY ("key", "slot")
);

-- CreateTable
CREATE TABLE "CrawlFind" (
    "seedId" TEXT NOT NULL PRIMARY KEY,
    "hosts" TEXT NOT NULL,
    "expiresAt" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "SignInSlot_at_idx" ON "SignInSlot"("at");

