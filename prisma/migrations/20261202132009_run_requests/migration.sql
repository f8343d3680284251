-- CreateTable
CREATE TABLE "RunRequest" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "all" BOOLEAN NOT NULL,
    "actor" TEXT NOT NULL,
    "address" TEXT,
    "requestedBy" TEXT NOT NULL,
    "claimedBy" TEXT,
    "claimedEpoch" INTEGER,
    "createdAt" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "RunRequest_claimedBy_idx" ON "RunRequest"("claimedBy");

