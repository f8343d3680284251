// Alerts, silences and `for` rules in replscope's own database; changed alerts only, in transactions of a few hundred.
import "server-only";
import type { AlertState, ForRule, SilenceRule } from "@/lib/domain/alerts/types";
import { db } from "./db";
import { fencedBatch } from "./fence";
import { batches, insertRowsSql, sqlFlavor, upsertRowsSql } from "./sql-dialect";

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

/** Alerts per transaction: 10,000 alerts changing at once in one transaction outlasted the MySQL backend's 30 s limit. */
const ALERTS_PER_TRANSACTION = 250;

const ALERT_COLUMNS = [
  "id", "serverId", "channel", "code", "severity", "message", "state", "since", "firedAt", "resolvedAt", "missingSince",
  "silenced", "acknowledgedBy", "acknowledgedAt", "notified", "lastNotifiedAt", "lastFiringNotifiedAt", "seq",
] as const satisfies readonly (keyof AlertState)[];
const OUTBOX_COLUMNS = ["channelId", "alertId", "idempotencyKey", "payload", "nextAttemptAt", "createdAt"] as const satisfies readonly (keyof OutboxInsert)[];

/** One multi-row upsert of alerts (every column replaced), in the backend's SQL. */
function upsertAlerts(alerts: AlertState[]) {
  const values = alerts.flatMap((a) => ALERT_COLUMNS.map((c) => (c === "silenced" ? (a.silenced ? 1 : 0) : (a[c] ?? null))));
  return db().$executeRawUnsafe(upsertRowsSql(sqlFlavor(), "Alert", ALERT_COLUMNS, alerts.length), ...values);
}

/** One multi-row insert of outbox rows; a row already queued under its (channel, idempotency key) is left as it is. */
function insertOutbox(rows: OutboxInsert[]) {
  const values = rows.flatMap((o) => [...OUTBOX_COLUMNS.map((c) => o[c]), 0]);
  return db().$executeRawUnsafe(insertRowsSql(sqlFlavor(), "Outbox", [...OUTBOX_COLUMNS, "attempts"], rows.length, ["channelId", "idempotencyKey"]), ...values);
}

/**
 * Writes changed alerts, forgets removed ones and enqueues notifications, behind the leader fence: a transaction per
 * ALERTS_PER_TRANSACTION alerts carries those alerts with their own outbox rows, so an alert and its notification land
 * together (the outbox key makes a repeat harmless; the next evaluation re-reads what landed).
 */
export async function saveAlertChanges(changed: AlertState[], removed: string[], outbox: OutboxInsert[]): Promise<void> {
  const byAlert = new Map<string, OutboxInsert[]>();
  for (const o of outbox) byAlert.set(o.alertId, [...(byAlert.get(o.alertId) ?? []), o]);
  const chunks = batches(changed, ALERTS_PER_TRANSACTION);
  const carried = new Set(changed.map((a) => a.id));
  const orphans = outbox.filter((o) => !carried.has(o.alertId));
  for (const [i, alerts] of chunks.entries()) {
    const rows = [...alerts.flatMap((a) => byAlert.get(a.id) ?? []), ...(i === chunks.length - 1 ? orphans : [])];
    await fencedBatch([upsertAlerts(alerts), ...batches(rows, ALERTS_PER_TRANSACTION).map(insertOutbox)]);
  }
  if (!chunks.length && orphans.length) await fencedBatch(batches(orphans, ALERTS_PER_TRANSACTION).map(insertOutbox));
  for (const ids of batches(removed, IDS_PER_DELETE)) await fencedBatch([db().alert.deleteMany({ where: { id: { in: ids } } })]);
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
