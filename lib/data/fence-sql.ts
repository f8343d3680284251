// The leader fence's statement and term type, shared by Prisma's write paths (fence.ts) and the SQLite sweep writer.
import "server-only";

/** A leader's term: who holds the lease and its epoch. */
export interface Term {
  holder: string;
  epoch: number;
}

/** Inserts the always-present row 1 again (a duplicate key: the transaction fails) unless the lease is still ours. */
export const FENCE_SQL = `INSERT INTO "LeaseFence" ("id") SELECT 1 FROM "Lease" WHERE "name" = 'leader' AND NOT ("holder" = ? AND "epoch" = ?)`;
