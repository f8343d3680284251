// Fencing for the leader's background writes: work started by a leader runs inside its term (holder + epoch), and
// every background write transaction begins with a statement that fails when the lease has a newer term, so a
// paused-then-resumed old leader writes nothing. On MySQL that statement also share-locks the lease row, so a new
// leader's take-over waits for a write already in progress to commit (it cannot land after the take-over).
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/generated/prisma/client";

type PrismaPromise<T> = Prisma.PrismaPromise<T>;
import { db } from "./db";

import { FENCE_SQL, type Term } from "./fence-sql";

export type { Term } from "./fence-sql";

/** Thrown when a background write was refused because a newer leader exists. */
export class FencedError extends Error {
  constructor(readonly term: Term) {
    super(`not the leader any more: term ${term.epoch} of ${term.holder} was superseded; write refused`);
  }
}

const store = new AsyncLocalStorage<Term>();

/** Runs `fn` (and every timer and promise it starts) as background work of `term`. */
export function runInTerm<T>(term: Term, fn: () => T): T {
  return store.run(term, fn);
}

/** The term the current background work belongs to (undefined for requests and scripts: not fenced). */
export function currentTerm(): Term | undefined {
  return store.getStore();
}


/** The fence statement to run first in a background write's transaction (none outside background work). */
export function fenceStatements(): PrismaPromise<number>[] {
  const term = currentTerm();
  return term ? [db().$executeRawUnsafe(FENCE_SQL, term.holder, term.epoch)] : [];
}

function refused(e: unknown, term: Term | undefined): unknown {
  const text = `${(e as Error)?.message ?? ""} ${(e as { code?: string })?.code ?? ""}`;
  return term && /LeaseFence|P2002|P2010|UNIQUE|Duplicate/i.test(text) ? new FencedError(term) : e;
}

/** Runs write statements in one transaction behind the fence (a batch: the fence first). */
export async function fencedBatch(statements: PrismaPromise<unknown>[]): Promise<unknown[]> {
  const term = currentTerm();
  const fence = fenceStatements();
  try {
    return (await db().$transaction([...fence, ...statements])).slice(fence.length);
  } catch (e) {
    throw refused(e, term);
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Runs an interactive transaction behind the fence (the fence statement first, in the same transaction). */
export async function fencedTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const term = currentTerm();
  try {
    return await db().$transaction(async (tx) => {
      if (term) await tx.$executeRawUnsafe(FENCE_SQL, term.holder, term.epoch);
      return fn(tx);
    });
  } catch (e) {
    throw refused(e, term);
  }
}

/** Throws FencedError when the current background work's term was superseded (a check before non-database effects). */
export async function assertTerm(): Promise<void> {
  const term = currentTerm();
  if (!term) return;
  const lease = await db().lease.findUnique({ where: { name: "leader" } });
  if (lease && (lease.holder !== term.holder || lease.epoch !== term.epoch)) throw new FencedError(term);
}
