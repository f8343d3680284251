-- AlterTable: per-server password exchange (public-key retrieval allowed, pinned RSA public key)
ALTER TABLE "Server" ADD COLUMN "allowPublicKeyRetrieval" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Server" ADD COLUMN "serverPublicKey" TEXT;
