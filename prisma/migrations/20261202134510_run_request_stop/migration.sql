-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RunRequest" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "all" BOOLEAN NOT NULL,
    "actor" TEXT NOT NULL,
    "address" TEXT,
    "requestedBy" TEXT NOT NULL,
    "claimedBy" TEXT,
    "claimedEpoch" INTEGER,
    "stopRequested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" REAL NOT NULL
);
INSERT INTO "new_RunRequest" ("actor", "address", "all", "claimedBy", "claimedEpoch", "createdAt", "kind", "requestedBy", "runId") SELECT "actor", "address", "all", "claimedBy", "claimedEpoch", "createdAt", "kind", "requestedBy", "runId" FROM "RunRequest";
DROP TABLE "RunRequest";
ALTER TABLE "new_RunRequest" RENAME TO "RunRequest";
CREATE INDEX "RunRequest_claimedBy_idx" ON "RunRequest"("claimedBy");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

