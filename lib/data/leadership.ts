// The leader lease and the instance registry in the shared database. The lease is one row taken and renewed by
// conditional updates (compare-and-set on holder + epoch), so two instances can never both win one term; times come
// from the database's clock, so instances on hosts with skewed clocks still agree on expiry.
import "server-only";
import { db } from "./db";
import { nowMsSql, sqlFlavor } from "./sql-dialect";
import type { Term } from "./fence";

const LEASE = "leader";

/** The database's clock in epoch ms. */
export async function dbNowMs(): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ now: number | string }[]>(nowMsSql(sqlFlavor()));
  return Math.round(Number(row.now));
}

/** Creates the lease row and the fence row when missing (idempotent; concurrent starts are fine). */
export async function ensureLeaseRows(): Promise<void> {
  const client = db();
  const ignore = (e: unknown) => {
    if (!/P2002|Unique|Duplicate/i.test(`${(e as { code?: string }).code} ${(e as Error).message}`)) throw e;
  };
  if (!(await client.lease.findUnique({ where: { name: LEASE } }))) await client.lease.create({ data: { name: LEASE, holder: "", epoch: 0, expiresAt: 0 } }).catch(ignore);
  if (!(await client.leaseFence.findUnique({ where: { id: 1 } }))) await client.leaseFence.create({ data: { id: 1 } }).catch(ignore);
}

/** The lease as stored, and whether it is live at `now`. */
export async function readLease(now: number): Promise<{ holder: string; epoch: number; expiresAt: number; live: boolean } | null> {
  const l = await db().lease.findUnique({ where: { name: LEASE } });
  return l ? { holder: l.holder, epoch: l.epoch, expiresAt: l.expiresAt, live: l.holder !== "" && l.expiresAt > now } : null;
}

/**
 * Renews the term this process holds (`heldEpoch`), or takes an expired lease with the next epoch; null while another
 * instance holds a live lease. A lease under our id that this process does not hold (an earlier process with the same
 * REPLSCOPE_INSTANCE_ID) is taken at once with the next epoch, so that process's writes are fenced. Each is one
 * conditional UPDATE on the row as read: of two instances racing, one update matches and one does not.
 */
export async function acquireOrRenew(me: string, ttlMs: number, heldEpoch: number | null = null): Promise<Term | null> {
  const now = await dbNowMs();
  const lease = await readLease(now);
  if (!lease) return null;
  const client = db();
  if (lease.holder === me && heldEpoch !== null) {
    // Our id under a newer epoch than ours: a newer process with this id took over.
    if (lease.epoch !== heldEpoch) return null;
    const r = await client.lease.updateMany({ where: { name: LEASE, holder: me, epoch: lease.epoch }, data: { expiresAt: now + ttlMs } });
    return r.count === 1 ? { holder: me, epoch: lease.epoch } : null;
  }
  if (lease.live && lease.holder !== me) return null;
  const r = await client.lease.updateMany({
    where: { name: LEASE, holder: lease.holder, epoch: lease.epoch, expiresAt: lease.expiresAt },
    data: { holder: me, epoch: lease.epoch + 1, expiresAt: now + ttlMs },
  });
  return r.count === 1 ? { holder: me, epoch: lease.epoch + 1 } : null;
}

/** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
export async function releaseLease(term: Term): Promise<void> {
  await db().lease.updateMany({ where: { name: LEASE, holder: term.holder, epoch: term.epoch }, data: { expiresAt: 0 } });
}

/** One instance as the registry shows it (times: epoch ms). */
export interface InstanceRow {
  id: string;
  host: string;
  startedAt: number;
  lastSeenAt: number;
}

/** Registers this instance, or marks it seen (its heartbeat). */
export async function touchInstance(id: string, host: string, startedAt: number): Promise<void> {
  const now = await dbNowMs();
  await db().instance.upsert({ where: { id }, create: { id, host, startedAt, lastSeenAt: now }, update: { lastSeenAt: now } });
}

/** Instances seen since `since` (epoch ms), oldest start first. */
export async function listInstances(since: number): Promise<InstanceRow[]> {
  return db().instance.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: { startedAt: "asc" } });
}

/** Forgets instances not seen for a long time (the leader's housekeeping). */
export async function pruneInstances(before: number): Promise<number> {
  return (await db().instance.deleteMany({ where: { lastSeenAt: { lt: before } } })).count;
}
