// Notification channels and their outbox in replscope's own database; secrets stay sealed here.
import "server-only";
import { db } from "./db";
import { columnList, sqlFlavor, textColumnSql } from "./sql-dialect";
import { fencedBatch, fencedTransaction } from "./fence";

/** A channel row as stored (secrets sealed; smtp and clusters as JSON text). */
export interface ChannelRow {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  secretEnc: string | null;
  smtp: string | null;
  smtpPasswordEnc: string | null;
  to: string | null;
  minSeverity: string;
  clusters: string;
  lastResult: string | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a create or update writes. */
export type ChannelWrite = Omit<ChannelRow, "id" | "createdAt" | "updatedAt" | "lastResult" | "lastError" | "lastAttemptAt">;

/** Every channel, by name. */
export async function listChannels(): Promise<ChannelRow[]> {
  return db().alertChannel.findMany({ orderBy: { name: "asc" } });
}

/** One channel by id. */
export async function findChannel(id: string): Promise<ChannelRow | null> {
  return db().alertChannel.findUnique({ where: { id } });
}

/** One channel by name (for the unique-name check). */
export async function findChannelByName(name: string): Promise<ChannelRow | null> {
  return db().alertChannel.findUnique({ where: { name } });
}

/** Stores a new channel. */
export async function insertChannel(c: ChannelWrite): Promise<ChannelRow> {
  return db().alertChannel.create({ data: c });
}

/** Updates a channel. */
export async function updateChannel(id: string, c: Partial<ChannelWrite>): Promise<ChannelRow> {
  return db().alertChannel.update({ where: { id }, data: c });
}

/** Deletes a channel and its outbox. */
export async function deleteChannel(id: string): Promise<void> {
  await db().alertChannel.delete({ where: { id } });
}

/** Records the result of the last delivery attempt on a channel. */
export async function recordChannelResult(id: string, ok: boolean, error: string | null): Promise<void> {
  await db().alertChannel.updateMany({ where: { id }, data: { lastResult: ok ? "ok" : "error", lastError: error, lastAttemptAt: new Date() } });
}

/** One notification waiting in the outbox: for a channel, or for a failover hook URL of a cluster. */
export interface OutboxRow {
  id: number;
  channelId: string | null;
  hookUrl: string | null;
  hookCluster: string | null;
  alertId: string;
  idempotencyKey: string;
  payload: string;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

const OUTBOX_TEXT = ["channelId", "hookUrl", "hookCluster", "alertId", "idempotencyKey", "payload"] as const;
const OUTBOX_NUMBERS = ["id", "attempts", "nextAttemptAt", "createdAt"] as const;

/** A raw outbox row with its numbers as numbers (either backend may return an integer column as a bigint). */
const reshapeOutboxRow = (r: OutboxRow): OutboxRow => ({ ...r, ...Object.fromEntries(OUTBOX_NUMBERS.map((c) => [c, Number(r[c])])) });

/**
 * Claims up to `limit` due notifications for `leaseMs` (so a second worker, or this one on its next tick, skips them),
 * in one statement: a crash mid-send lets the lease run out and the row is retried.
 */
export async function claimDue(nowMs: number, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  if (sqlFlavor() === "mysql") return claimDueMysql(nowMs, limit, leaseMs);
  const [rows] = (await fencedBatch([
    db().$queryRawUnsafe<OutboxRow[]>(
      `UPDATE "Outbox" SET "claimedUntil" = ? WHERE "id" IN (
         SELECT "id" FROM "Outbox" WHERE "deliveredAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ?
           AND ("claimedUntil" IS NULL OR "claimedUntil" <= ?) ORDER BY "nextAttemptAt" LIMIT ?)
       RETURNING ${columnList([...OUTBOX_NUMBERS, ...OUTBOX_TEXT])}`,
      nowMs + leaseMs, nowMs, nowMs, limit,
    ),
  ])) as OutboxRow[][];
  return rows.map(reshapeOutboxRow).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/** MySQL has no UPDATE … RETURNING: read and lock the due rows (skipping rows another transaction holds), then claim them. */
async function claimDueMysql(nowMs: number, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  return fencedTransaction(async (tx) => {
    const due = await tx.$queryRawUnsafe<OutboxRow[]>(
      `SELECT ${[...OUTBOX_NUMBERS.map((c) => `"${c}"`), ...OUTBOX_TEXT.map(textColumnSql)].join(", ")} FROM "Outbox"
        WHERE "deliveredAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" <= ?)
        ORDER BY "nextAttemptAt" LIMIT ? FOR UPDATE SKIP LOCKED`,
      nowMs, nowMs, limit,
    );
    if (!due.length) return [];
    const rows = due.map(reshapeOutboxRow);
    await tx.outbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { claimedUntil: nowMs + leaseMs } });
    return rows;
  });
}

/** Marks a notification delivered (only if not already: the first mark wins). */
export async function markDelivered(id: number, nowMs: number): Promise<void> {
  await fencedBatch([db().outbox.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: nowMs, attempts: { increment: 1 }, lastError: null, claimedUntil: null } })]);
}

/** Records a failed attempt: retried at `nextAttemptAt`, or failed for good when that is null. */
export async function markFailed(id: number, nowMs: number, error: string, nextAttemptAt: number | null): Promise<void> {
  await fencedBatch([
    db().outbox.updateMany({
    where: { id, deliveredAt: null },
    data: { attempts: { increment: 1 }, lastError: error, claimedUntil: null, ...(nextAttemptAt === null ? { failedAt: nowMs } : { nextAttemptAt }) },
    }),
  ]);
}

/** Outbox rows of a channel (newest first), for tests and the settings page. */
export async function outboxOf(channelId: string, limit = 100) {
  return db().outbox.findMany({ where: { channelId }, orderBy: { id: "desc" }, take: limit });
}

/** A notification to enqueue that no alert transaction carries (a failover's hooks): for a channel or a hook URL. */
export type OutboxEntry = Pick<OutboxRow, "channelId" | "hookUrl" | "hookCluster" | "alertId" | "idempotencyKey" | "payload" | "nextAttemptAt" | "createdAt">;

/** Enqueues notifications in one transaction (behind the leader fence when run as background work). */
export async function enqueueOutbox(rows: OutboxEntry[]): Promise<void> {
  if (rows.length) await fencedBatch([db().outbox.createMany({ data: rows })]);
}

const DELIVERY = { alertId: true, hookUrl: true, idempotencyKey: true, attempts: true, lastError: true, createdAt: true, deliveredAt: true, failedAt: true, channel: { select: { name: true } } } as const;

/** The outbox rows of one alert or one failover (`failover:<id>`), oldest first, for the run page. */
export async function outboxFor(alertId: string) {
  return db().outbox.findMany({ where: { alertId }, orderBy: { id: "asc" }, select: DELIVERY });
}

/** The latest outbox rows of failovers' hooks (any failover), newest first, for the alert channels page. */
export async function recentFailoverOutbox(limit: number) {
  return db().outbox.findMany({ where: { alertId: { startsWith: "failover:" } }, orderBy: { id: "desc" }, take: limit, select: DELIVERY });
}

/** Deletes delivered and failed notifications older than `keepMs` (pending ones are never deleted). */
export async function pruneOutbox(nowMs: number, keepMs: number): Promise<number> {
  const before = nowMs - keepMs;
  const [r] = (await fencedBatch([db().outbox.deleteMany({ where: { OR: [{ deliveredAt: { lt: before } }, { failedAt: { lt: before } }] } })])) as { count: number }[];
  return r.count;
}

/** The earliest time a pending notification is due (epoch ms), or null when none is waiting. */
export async function nextDueAt(): Promise<number | null> {
  const r = await db().outbox.findFirst({ where: { deliveredAt: null, failedAt: null }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  return r?.nextAttemptAt ?? null;
}
