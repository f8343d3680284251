// Poll results in replscope's own database: the latest state per server and lag samples for charts.
import "server-only";
import { db } from "./db";

/** One server's latest poll, as stored: health, headline lag, and the normalised snapshot as JSON text. */
export interface StoredState {
  serverId: string;
  state: string;
  lagSeconds: number | null;
  lagSource: string | null;
  snapshot: string;
  checkedAt: number;
  reachedAt: number | null;
}

/** One lag reading of one channel. */
export interface LagPoint {
  channel: string;
  at: number;
  lagSeconds: number | null;
  source: string;
}

/** Stores a sweep's results in one transaction: upserts each server's state and appends its samples. */
export async function saveSweep(states: StoredState[], samples: (LagPoint & { serverId: string })[]): Promise<void> {
  const client = db();
  await client.$transaction([
    ...states.map((s) => client.serverState.upsert({ where: { serverId: s.serverId }, create: s, update: s })),
    ...(samples.length ? [client.lagSample.createMany({ data: samples })] : []),
  ]);
}

/** The latest stored state of every server that has been polled. */
export async function latestStates(): Promise<StoredState[]> {
  return db().serverState.findMany();
}

/** Lag samples of one server in [from, to], oldest first, at most `limit` rows (evenly thinned when more). */
export async function lagSamples(serverId: string, from: number, to: number, limit = 2000): Promise<LagPoint[]> {
  const rows = await db().lagSample.findMany({
    where: { serverId, at: { gte: from, lte: to } },
    orderBy: { at: "asc" },
    select: { channel: true, at: true, lagSeconds: true, source: true },
  });
  if (rows.length <= limit) return rows;
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor(i * step)]);
}

/** Deletes samples older than `keepSeconds` and thins older ones to the worst (highest-lag) one per bucket. */
export async function thinSamples(now: number, keepSeconds: number, tiers: { olderThan: number; bucket: number }[]): Promise<number> {
  const client = db();
  let removed = (await client.lagSample.deleteMany({ where: { at: { lt: now - keepSeconds } } })).count;
  for (const t of tiers) {
    removed += await client.$executeRawUnsafe(
      `DELETE FROM "LagSample" WHERE "at" < ? AND "id" NOT IN (
         SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (
           PARTITION BY "serverId", "channel", CAST("at" / ? AS INTEGER) ORDER BY "lagSeconds" IS NULL, "lagSeconds" DESC, "id" DESC) AS rn
         FROM "LagSample" WHERE "at" < ?) WHERE rn = 1)`,
      now - t.olderThan, t.bucket, now - t.olderThan,
    );
  }
  return removed;
}
