// Requests to execute a run, shared by every instance: at most one in flight per run (the run's id is the key). The
// instance that received the request stores it; the leader claims it by a conditional update naming itself and its
// epoch, behind the leader fence (lib/data/fence.ts), so a deposed leader claims nothing and two instances never both
// execute one run. The row is deleted when the execution ends.
import "server-only";
import type { RunKindName } from "@/lib/domain/runs/record";
import { db } from "./db";
import { currentTerm, fencedTransaction } from "./fence";

/** A stored request to execute a run's next step (`all`: every remaining one). */
export interface RunRequestRow {
  runId: string;
  kind: RunKindName;
  all: boolean;
  actor: string;
  address: string | null;
  requestedBy: string;
  claimedBy: string | null;
  claimedEpoch: number | null;
  stopRequested: boolean;
  /** Who asked, on another instance, to abort it (cancel its step, undo the run); null when nobody did. */
  abortBy: string | null;
  abortAddress: string | null;
  /** When it was stored (epoch ms, the storing instance's clock). */
  createdAt: number;
}

type NewRequest = Omit<RunRequestRow, "claimedBy" | "claimedEpoch" | "stopRequested" | "abortBy" | "abortAddress" | "createdAt">;
const isDuplicate = (e: unknown) => /P2002|Unique|Duplicate/i.test(`${(e as { code?: string }).code} ${(e as Error).message}`);

/**
 * Stores a request, claimed at once by `claimedBy` (this instance, which executes it: the leader inside its term,
 * fenced; or a single SQLite process) or unclaimed for the leader. False when the run already has one in flight.
 */
export async function storeRunRequest(r: NewRequest, claimedBy: string | null): Promise<boolean> {
  const data = { ...r, claimedBy, claimedEpoch: claimedBy ? (currentTerm()?.epoch ?? null) : null, createdAt: Date.now() };
  try {
    return await fencedTransaction(async (tx) => {
      if (await tx.runRequest.findUnique({ where: { runId: r.runId } })) return false;
      await tx.runRequest.create({ data });
      return true;
    });
  } catch (e) {
    if (isDuplicate(e)) return false;
    throw e;
  }
}

/** Requests no instance claimed yet, oldest first. */
export async function unclaimedRequests(): Promise<RunRequestRow[]> {
  return (await db().runRequest.findMany({ where: { claimedBy: null }, orderBy: { createdAt: "asc" } })) as RunRequestRow[];
}

/** The leader claims a request (inside its term: fenced); true when this call won it. */
export async function claimRequest(runId: string, me: string): Promise<boolean> {
  const epoch = currentTerm()?.epoch ?? null;
  return fencedTransaction(async (tx) => (await tx.runRequest.updateMany({ where: { runId, claimedBy: null }, data: { claimedBy: me, claimedEpoch: epoch } })).count === 1);
}

/** The request in flight for a run, or null. */
export async function runRequest(runId: string): Promise<RunRequestRow | null> {
  return (await db().runRequest.findUnique({ where: { runId } })) as RunRequestRow | null;
}

/** Asks whoever executes the run (or will) to stop it; false when no request is in flight. */
export async function askToStop(runId: string): Promise<boolean> {
  return (await db().runRequest.updateMany({ where: { runId }, data: { stopRequested: true } })).count === 1;
}

/** Runs claimed by `me` that another instance asked to stop. */
export async function stopsAskedOf(me: string): Promise<string[]> {
  return (await db().runRequest.findMany({ where: { claimedBy: me, stopRequested: true }, select: { runId: true } })).map((r) => r.runId);
}

/** Asks the instance executing the run to abort it for `by`; false when no instance executes it now. (Not a stop as
 *  well: a stop applied first could end the execution, and with it the request, before the abort is seen.) */
export async function askToAbort(runId: string, by: { actor: string; address: string | null }): Promise<boolean> {
  const asked = await db().runRequest.updateMany({ where: { runId, claimedBy: { not: null } }, data: { abortBy: by.actor, abortAddress: by.address } });
  return asked.count === 1;
}

/** Runs claimed by `me` that another instance asked to abort, with who asked. */
export async function abortsAskedOf(me: string): Promise<{ runId: string; kind: RunKindName; actor: string; address: string | null }[]> {
  const rows = await db().runRequest.findMany({ where: { claimedBy: me, abortBy: { not: null } }, select: { runId: true, kind: true, abortBy: true, abortAddress: true } });
  return rows.map((r) => ({ runId: r.runId, kind: r.kind as RunKindName, actor: r.abortBy!, address: r.abortAddress }));
}

/** Withdraws a request nobody claimed yet (an abort before the leader took it); true when withdrawn. */
export async function withdrawUnclaimed(runId: string): Promise<boolean> {
  return (await db().runRequest.deleteMany({ where: { runId, claimedBy: null } })).count === 1;
}

/** Ends a request when its execution ended. */
export async function finishRequest(runId: string, claimedBy: string): Promise<void> {
  await db().runRequest.deleteMany({ where: { runId, claimedBy } });
}

/** Ids of the runs waiting for the leader (requested, not claimed). */
export async function queuedRunIds(): Promise<Set<string>> {
  return new Set((await db().runRequest.findMany({ where: { claimedBy: null }, select: { runId: true } })).map((r) => r.runId));
}

/** Drops requests claimed by instances that are gone (their runs are reported interrupted, never executed again). */
export async function dropClaimsOf(gone: (claimedBy: string, runId: string) => boolean): Promise<number> {
  const rows = await db().runRequest.findMany({ where: { claimedBy: { not: null } }, select: { runId: true, claimedBy: true } });
  const dead = rows.filter((r) => gone(r.claimedBy!, r.runId)).map((r) => r.runId);
  return dead.length ? (await db().runRequest.deleteMany({ where: { runId: { in: dead } } })).count : 0;
}
