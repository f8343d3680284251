// Alert changes in transactions of a few hundred (SQLite, or MariaDB with REPLSCOPE_TEST_BACKEND=mariadb): 10,000
// alerts changing at once were one transaction that outlasted the MySQL backend's 30 s limit. Every alert lands with
// its notification, values survive the raw multi-row upsert exactly, a repeat is harmless, and a superseded term writes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import type { AlertState } from "@/lib/domain/alerts/types";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-alerts-data-"));
const { loadAlerts, saveAlertChanges } = await import("./alerts");
const { acquireOrRenew, ensureLeaseRows } = await import("./leadership");
const { FencedError, runInTerm } = await import("./fence");
const { db } = await import("./db");

const N = 620;
const alert = (i: number, over: Partial<AlertState> = {}): AlertState => ({
  id: `al-${i}`, serverId: `srv-${i}`, channel: i % 2 ? "" : "east's \\ \"ch\"", code: "ReplicationBroken", severity: "critical",
  message: `broken ${i}: O'Brien's \\n table`, state: "firing", since: 1000.5 + i, firedAt: 1030.25, resolvedAt: null, missingSince: null,
  silenced: i % 3 === 0, acknowledgedBy: i % 5 === 0 ? "dba" : null, acknowledgedAt: i % 5 === 0 ? 1040 : null, notified: "firing",
  lastNotifiedAt: 1031, lastFiringNotifiedAt: 1031, seq: 1, ...over,
});
const note = (i: number) => ({ channelId: "ch-1", alertId: `al-${i}`, idempotencyKey: `al-${i}:1`, payload: JSON.stringify({ i }), nextAttemptAt: 2000, createdAt: 1999 });

it("620 alerts and their 620 notifications all land, values intact; saving them again adds nothing", async () => {
  await db().alertChannel.create({ data: { id: "ch-1", name: "pager", kind: "webhook", url: "http://127.0.0.1:9/hook" } });
  const alerts = Array.from({ length: N }, (_, i) => alert(i));
  await saveAlertChanges(alerts, [], alerts.map((_, i) => note(i)));
  await saveAlertChanges(alerts, [], alerts.map((_, i) => note(i)));
  const stored = new Map((await loadAlerts()).map((a) => [a.id, a]));
  expect(stored.size).toBe(N);
  for (const a of alerts) expect(stored.get(a.id)).toEqual(a);
  expect(await db().outbox.count({ where: { alertId: { startsWith: "al-" } } })).toBe(N);
});

it("changed values replace the stored ones; removed alerts are forgotten in slices", async () => {
  await saveAlertChanges([alert(7, { state: "resolved", resolvedAt: 1100, silenced: false, seq: 2 })], Array.from({ length: 600 }, (_, i) => `al-${i + 20}`), []);
  const stored = await loadAlerts();
  expect(stored.map((a) => a.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `al-${i}`).sort());
  expect(stored.find((a) => a.id === "al-7")).toEqual(alert(7, { state: "resolved", resolvedAt: 1100, silenced: false, seq: 2 }));
});

it("a superseded leader's term writes neither alerts nor notifications", async () => {
  await ensureLeaseRows();
  const old = (await acquireOrRenew("old", 10_000))!;
  await db().lease.updateMany({ where: { name: "leader" }, data: { expiresAt: 0 } });
  expect(await acquireOrRenew("new", 10_000)).not.toBeNull();
  const late = Array.from({ length: 300 }, (_, i) => alert(5000 + i));
  await expect(runInTerm(old, () => saveAlertChanges(late, [], late.map((_, i) => note(5000 + i))))).rejects.toBeInstanceOf(FencedError);
  const lateIds = late.map((a) => a.id);
  expect((await loadAlerts()).filter((a) => lateIds.includes(a.id))).toEqual([]);
  expect(await db().outbox.count({ where: { alertId: { in: lateIds } } })).toBe(0);
});
