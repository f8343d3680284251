// Alerts, silences and `for` rules in replscope's own database; one transaction per sweep, for changed alerts only.
import "server-only";
import type { AlertState, ForRule, SilenceRule } from "@/lib/domain/alerts/types";
import { db, sqlFlavor } from "./db";
import { fencedBatch } from "./fence";

/** Every stored alert (pending, firing, and resolved ones not yet forgotten). */
export async function loadAlerts(): Promise<AlertState[]> {
  return (await db().alert.findMany()) as AlertState[];
}

/** One outbox row to write with the sweep's alert changes. */
export interface OutboxInsert {
  channelId: string;
  alertId: string;
  idempotencyKey: string;
  payload: string;
  nextAttemptAt: number;
  createdAt: number;
}

/** Ids per `IN (…)`: one list of 10,000 servers' alerts exceeds the database's bound-parameter limit. */
const IDS_PER_DELETE = 500;
const slices = (ids: string[]) => Array.from({ length: Math.ceil(ids.length / IDS_PER_DELETE) }, (_, i) => ids.slice(i * IDS_PER_DELETE, (i + 1) * IDS_PER_DELETE));

/** Writes changed alerts, forgets removed ones and enqueues notifications, all in one transaction (idempotent on the outbox key; behind the leader fence). */
export async function saveAlertChanges(changed: AlertState[], removed: string[], outbox: OutboxInsert[]): Promise<void> {
  if (!changed.length && !removed.length && !outbox.length) return;
  const client = db();
  const [insert, conflict] = sqlFlavor() === "mysql" ? ["INSERT", ` ON DUPLICATE KEY UPDATE "id" = "id"`] : ["INSERT", ` ON CONFLICT("channelId", "idempotencyKey") DO NOTHING`];
  await fencedBatch([
    ...changed.map((a) => client.alert.upsert({ where: { id: a.id }, create: a, update: a })),
    ...slices(removed).map((ids) => client.alert.deleteMany({ where: { id: { in: ids } } })),
    ...outbox.map((o) =>
      client.$executeRawUnsafe(
        `${insert} INTO "Outbox" ("channelId", "alertId", "idempotencyKey", "payload", "nextAttemptAt", "createdAt", "attempts") VALUES (?, ?, ?, ?, ?, ?, 0)${conflict}`,
        o.channelId, o.alertId, o.idempotencyKey, o.payload, o.nextAttemptAt, o.createdAt,
      ),
    ),
  ]);
}

/** One alert by id. */
export async function findAlert(id: string): Promise<AlertState | null> {
  return (await db().alert.findUnique({ where: { id } })) as AlertState | null;
}

/** Records an acknowledgement on one alert (null when there is no such alert). */
export async function setAcknowledged(id: string, by: string, at: number): Promise<AlertState | null> {
  const r = await db().alert.updateMany({ where: { id }, data: { acknowledgedBy: by, acknowledgedAt: at } });
  return r.count ? findAlert(id) : null;
}

/** A stored silence. */
export interface SilenceRow {
  id: string;
  serverId: string | null;
  cluster: string | null;
  code: string | null;
  endsAt: Date;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

/** Silences that have not ended at `now` (or all, newest first). */
export async function listSilences(activeAt?: Date): Promise<SilenceRow[]> {
  return db().silence.findMany({ where: activeAt ? { endsAt: { gt: activeAt } } : {}, orderBy: { createdAt: "desc" } });
}

/** Active silences as the lifecycle matches them (epoch seconds). */
export async function activeSilenceRules(now: Date): Promise<SilenceRule[]> {
  return (await listSilences(now)).map((s) => ({ id: s.id, serverId: s.serverId, cluster: s.cluster, code: s.code, endsAt: s.endsAt.getTime() / 1000 }));
}

/** Stores a new silence. */
export async function insertSilence(s: Omit<SilenceRow, "id" | "createdAt">): Promise<SilenceRow> {
  return db().silence.create({ data: s });
}

/** Deletes a silence; false when there was none. */
export async function deleteSilence(id: string): Promise<SilenceRow | null> {
  const row = await db().silence.findUnique({ where: { id } });
  if (row) await db().silence.delete({ where: { id } });
  return row;
}

/** The `for` overrides (admin-edited). */
export async function listForRules(): Promise<(ForRule & { id: string })[]> {
  return db().alertRule.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, code: true, cluster: true, serverId: true, forSeconds: true } });
}

/** Replaces every `for` override in one transaction. */
export async function replaceForRules(rules: ForRule[]): Promise<void> {
  const client = db();
  await client.$transaction([
    client.alertRule.deleteMany({}),
    ...rules.map((r) => client.alertRule.create({ data: { code: r.code ?? null, cluster: r.cluster ?? null, serverId: r.serverId ?? null, forSeconds: r.forSeconds } })),
  ]);
}
