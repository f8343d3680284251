// Poll results in replscope's own database: the latest state per server and lag samples for charts.
import "server-only";
import type { ServerStatus } from "@/lib/domain/server-status";
import { parseSnapshot } from "@/lib/domain/status-snapshot";
import { db } from "./db";
import { currentTerm, FencedError, fencedBatch } from "./fence";
import { SAMPLE_COLUMNS, STATE_COLUMNS, sweepWriter } from "./sweep-writer";
import { mysqlSweepWriter } from "./mysql-sweep-writer";
import { batches, floorDivSql, insertRowsSql, placeholders, sqlFlavor, textColumnSql, upsertRowsSql } from "./sql-dialect";

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

/** Rows (or ids) per statement. */
const CHUNK = 500;

/**
 * Stores poll results in one transaction (the poller's hot path), behind the leader fence when the poller runs as the
 * leader's background work: on SQLite through the sweep writer's prepared statements, on MySQL as multi-row
 * statements through the driver on a connection of its own; through Prisma when that connection is busy or fails.
 */
export async function saveSweep(states: StoredState[], samples: (LagPoint & { serverId: string })[]): Promise<void> {
  const flavor = sqlFlavor();
  const term = currentTerm();
  const statements = () => [
    ...batches(states, CHUNK).map((part) => ({ sql: upsertRowsSql(flavor, "ServerState", STATE_COLUMNS, part.length), values: part.flatMap((s) => STATE_COLUMNS.map((c) => s[c] ?? null)) })),
    ...batches(samples, CHUNK).map((part) => ({ sql: insertRowsSql(flavor, "LagSample", SAMPLE_COLUMNS, part.length), values: part.flatMap((s) => SAMPLE_COLUMNS.map((c) => s[c])) })),
  ];
  const r = flavor === "mysql" ? await mysqlSweepWriter().save(statements(), term) : sweepWriter().save(states, samples, term);
  if (r === "fenced") throw new FencedError(term!);
  if (r === "ok") return;
  const client = db();
  await fencedBatch(statements().map((s) => client.$executeRawUnsafe(s.sql, ...s.values)));
}

/** The latest stored state of every server that has been polled. */
export async function latestStates(): Promise<StoredState[]> {
  return db().serverState.findMany();
}

/** A snapshot as parsed last time: reading, parsing and validating 10,000 of them costs seconds, so each row's snapshot
 * is read and parsed once per write (the poller writes every row with a new checkedAt). */
interface ParsedSnapshot {
  checkedAt: number;
  state: string;
  status: ServerStatus;
}
const parsed = globalThis as unknown as { replscopeParsedSnapshots: Map<string, ParsedSnapshot> };
parsed.replscopeParsedSnapshots ??= new Map();

/** Every polled server's latest status by id, each snapshot parsed and validated here once (a bad one reads as "unknown"). */
export async function latestStatuses(): Promise<Map<string, ServerStatus>> {
  return (await latestStatusesWithSince()).statuses;
}

/** The full rows of `ids` (snapshots included), by id. */
async function statesOf(ids: string[]): Promise<Map<string, StoredState>> {
  const parts = await Promise.all(batches(ids, CHUNK).map((part) => db().serverState.findMany({ where: { serverId: { in: part } } })));
  return new Map(parts.flat().map((r) => [r.serverId, r]));
}

/** Latest statuses (as latestStatuses) and since when each server is in its health state (epoch seconds, null when unknown):
 * one read of every row without its snapshot, then the snapshots of the rows written since the last read only. */
export async function latestStatusesWithSince(): Promise<{ statuses: Map<string, ServerStatus>; stateSince: Map<string, number | null> }> {
  const heads = await db().serverState.findMany({ select: { serverId: true, checkedAt: true, state: true, stateSince: true } });
  const before = parsed.replscopeParsedSnapshots;
  const unchanged = (h: (typeof heads)[number]) => { const hit = before.get(h.serverId); return hit?.checkedAt === h.checkedAt && hit.state === h.state; };
  const fresh = await statesOf(heads.filter((h) => !unchanged(h)).map((h) => h.serverId));
  const now = new Map<string, ParsedSnapshot>();
  const stateSince = new Map<string, number | null>();
  for (const h of heads) {
    const row = fresh.get(h.serverId);
    const entry = row ? { checkedAt: row.checkedAt, state: row.state, status: parseSnapshot(row) } : unchanged(h) ? before.get(h.serverId) : undefined;
    if (!entry) continue;
    now.set(h.serverId, entry);
    stateSince.set(h.serverId, (row ?? h).stateSince ?? null);
  }
  parsed.replscopeParsedSnapshots = now;
  return { statuses: new Map([...now].map(([id, p]) => [id, p.status])), stateSince };
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
  const [old] = (await fencedBatch([client.lagSample.deleteMany({ where: { at: { lt: now - keepSeconds } } })])) as { count: number }[];
  let removed = old.count;
  const bucket = floorDivSql(sqlFlavor(), `"at"`, "?");
  for (const t of tiers) {
    const [n] = await fencedBatch([
      client.$executeRawUnsafe(
        `DELETE FROM "LagSample" WHERE "at" < ? AND "id" NOT IN (
           SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (
             PARTITION BY "serverId", "channel", ${bucket} ORDER BY "lagSeconds" IS NULL, "lagSeconds" DESC, "id" DESC) AS rn
           FROM "LagSample" WHERE "at" < ?) AS ranked WHERE rn = 1)`,
        now - t.olderThan, t.bucket, now - t.olderThan,
      ),
    ]);
    removed += n as number;
  }
  return removed;
}

/** Every server's lag (or only `ids`'s) in [from, from + buckets × bucketSeconds), the worst per bucket over its channels
 * (null: no known value in that bucket), from one grouped query per 500 ids — the overview's sparklines. */
export async function lagSparklines(from: number, bucketSeconds: number, buckets: number, ids?: string[]): Promise<Map<string, (number | null)[]>> {
  const sql = (n: number | null) =>
    `SELECT ${textColumnSql("serverId")}, ${floorDivSql(sqlFlavor(), `"at" - ?`, "?")} AS b, MAX("lagSeconds") AS lag FROM "LagSample" WHERE "at" >= ? AND "at" < ?${n === null ? "" : ` AND "serverId" IN (${placeholders(n)})`} GROUP BY "serverId", b`;
  const args = [from, bucketSeconds, from, from + buckets * bucketSeconds];
  type Row = { serverId: string; b: bigint | number; lag: number | null };
  const parts = ids ? batches(ids, CHUNK).map((part) => db().$queryRawUnsafe<Row[]>(sql(part.length), ...args, ...part)) : [db().$queryRawUnsafe<Row[]>(sql(null), ...args)];
  const out = new Map<string, (number | null)[]>();
  for (const r of (await Promise.all(parts)).flat()) {
    let series = out.get(r.serverId);
    if (!series) out.set(r.serverId, (series = Array<number | null>(buckets).fill(null)));
    const b = Number(r.b);
    if (b >= 0 && b < buckets) series[b] = r.lag === null ? null : Number(r.lag);
  }
  return out;
}
