// Poll results in replscope's own database: the latest state per server and lag samples for charts.
import "server-only";
import type { ServerStatus } from "@/lib/domain/server-status";
import { parseSnapshot } from "@/lib/domain/status-snapshot";
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
  /** When the current health state began (epoch seconds; null for rows written before it was tracked). */
  stateSince?: number | null;
}

/** One lag reading of one channel. */
export interface LagPoint {
  channel: string;
  at: number;
  lagSeconds: number | null;
  source: string;
}

const STATE_COLUMNS = ["serverId", "state", "lagSeconds", "lagSource", "snapshot", "checkedAt", "reachedAt", "stateSince"] as const;
const SAMPLE_COLUMNS = ["serverId", "channel", "at", "lagSeconds", "source"] as const;
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}

function rowsSql(table: string, columns: readonly string[], count: number, conflict = ""): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(count).fill(row).join(", ")}${conflict}`;
}

/** Stores poll results in one transaction, as multi-row statements (the poller's hot path: one per batch, not per server). */
export async function saveSweep(states: StoredState[], samples: (LagPoint & { serverId: string })[]): Promise<void> {
  const client = db();
  const upsert = ` ON CONFLICT("serverId") DO UPDATE SET ${STATE_COLUMNS.slice(1).map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;
  await client.$transaction([
    ...chunks(states).map((part) => client.$executeRawUnsafe(rowsSql("ServerState", STATE_COLUMNS, part.length, upsert), ...part.flatMap((s) => STATE_COLUMNS.map((c) => s[c] ?? null)))),
    ...chunks(samples).map((part) => client.$executeRawUnsafe(rowsSql("LagSample", SAMPLE_COLUMNS, part.length), ...part.flatMap((s) => SAMPLE_COLUMNS.map((c) => s[c])))),
  ]);
}

/** The latest stored state of every server that has been polled. */
export async function latestStates(): Promise<StoredState[]> {
  return db().serverState.findMany();
}

/** Every polled server's latest status by id, each snapshot parsed and validated here once (a bad one reads as "unknown"). */
export async function latestStatuses(): Promise<Map<string, ServerStatus>> {
  return (await latestStatusesWithSince()).statuses;
}

/** Latest statuses (as latestStatuses) and since when each server is in its health state (epoch seconds, null when unknown), from one read. */
export async function latestStatusesWithSince(): Promise<{ statuses: Map<string, ServerStatus>; stateSince: Map<string, number | null> }> {
  const rows = await latestStates();
  return { statuses: new Map(rows.map((s) => [s.serverId, parseSnapshot(s)])), stateSince: new Map(rows.map((s) => [s.serverId, s.stateSince ?? null])) };
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

/** Every server's lag in [from, from + buckets × bucketSeconds), the worst per bucket over its channels (null: no known
 * value in that bucket), from ONE grouped query — the overview's sparklines, however many servers. */
export async function lagSparklines(from: number, bucketSeconds: number, buckets: number): Promise<Map<string, (number | null)[]>> {
  const rows = await db().$queryRawUnsafe<{ serverId: string; b: bigint | number; lag: number | null }[]>(
    `SELECT "serverId", CAST(("at" - ?) / ? AS INTEGER) AS b, MAX("lagSeconds") AS lag FROM "LagSample" WHERE "at" >= ? AND "at" < ? GROUP BY "serverId", b`,
    from, bucketSeconds, from, from + buckets * bucketSeconds,
  );
  const out = new Map<string, (number | null)[]>();
  for (const r of rows) {
    let series = out.get(r.serverId);
    if (!series) out.set(r.serverId, (series = Array<number | null>(buckets).fill(null)));
    const b = Number(r.b);
    if (b >= 0 && b < buckets) series[b] = r.lag === null ? null : Number(r.lag);
  }
  return out;
}
