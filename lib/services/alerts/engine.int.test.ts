// Alert evaluation against a real SQLite database: Alertmanager re-posts, channel filters, idempotent outbox.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpReceiver } from "@/test/fakes/alert-receivers";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-engine-"));
process.env.REPLSCOPE_ALERTMANAGER_REPOST_SECONDS = "60";
const { AlertEngine } = await import("./engine");
const { DeliveryWorker } = await import("./delivery");
const { createAlertChannel } = await import("./channel-admin");
const { outboxOf, pruneOutbox } = await import("@/lib/data/alert-channels");

const am = new HttpReceiver();
const hook = new HttpReceiver();
const ids: Record<string, string> = {};
const server = (problems: { code: "ReplicationBroken" | "LagAboveWarning"; severity: "critical" | "warning"; message: string }[], cluster = "main") => [
  { serverId: "s1", name: "db1", host: "10.0.0.1", port: 3306, cluster, reachable: true, problems },
];
const broken = { code: "ReplicationBroken" as const, severity: "critical" as const, message: "error 1062" };

beforeAll(async () => {
  await Promise.all([am.start(), hook.start()]);
  for (const [name, body] of [
    ["am", { kind: "alertmanager", url: `http://127.0.0.1:${am.port}` }],
    ["hook", { kind: "webhook", url: hook.url, clusters: ["main"] }],
    ["other", { kind: "webhook", url: hook.url, clusters: ["other"] }],
  ] as const) {
    const r = await createAlertChannel({ name, ...body });
    if (!r.ok) throw new Error(r.error);
    ids[name] = r.value.id;
  }
});

afterAll(async () => {
  await Promise.all([am.stop(), hook.stop()]);
});

describe("alert engine", () => {
  it("re-posts firing alerts to Alertmanager every REPLSCOPE_ALERTMANAGER_REPOST_SECONDS (only there), and stops once resolved", async () => {
    const engine = new AlertEngine();
    const worker = new DeliveryWorker({ backoff: { baseMs: 50, maxMs: 100, giveUpAfterMs: 10_000 } });
    const t = Math.floor(Date.now() / 1000) - 10_000;
    expect(await engine.evaluate(server([broken]), t)).toMatchObject({ enqueued: 2 });
    expect(await engine.evaluate(server([broken]), t + 30)).toMatchObject({ enqueued: 0 });
    expect(await engine.evaluate(server([broken]), t + 61)).toMatchObject({ enqueued: 1 });
    expect(await engine.evaluate(server([broken]), t + 62)).toMatchObject({ enqueued: 0 });
    await worker.drain();
    const posts = am.received.map((r) => r.json as { labels: Record<string, string>; endsAt?: string }[]);
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p[0].labels.alertname === "ReplicationBroken" && p[0].endsAt === undefined)).toBe(true);
    expect(am.received.every((r) => r.headers["content-type"] === "application/json")).toBe(true);
    expect(hook.received).toHaveLength(1);
    expect((await outboxOf(ids.other)).length).toBe(0);
    await engine.evaluate(server([]), t + 63);
    expect(await engine.evaluate(server([]), t + 70)).toMatchObject({ enqueued: 2 });
    expect(await engine.evaluate(server([]), t + 200)).toMatchObject({ enqueued: 0 });
    await worker.drain();
    expect((am.received.at(-1)!.json as { endsAt?: string }[])[0].endsAt).toBe(new Date((t + 70) * 1000).toISOString());
  });

  it("prunes delivered notifications after the retention period, never pending ones", async () => {
    const engine = new AlertEngine();
    await engine.evaluate([{ serverId: "s9", name: "db9", host: "10.0.0.9", port: 3306, cluster: "main", reachable: true, problems: [broken] }]);
    const pending = (await outboxOf(ids.hook)).filter((r) => r.deliveredAt === null);
    expect(pending.length).toBeGreaterThan(0);
    const delivered = (await outboxOf(ids.hook)).filter((r) => r.deliveredAt !== null).length;
    expect(delivered).toBeGreaterThan(0);
    expect(await pruneOutbox(Date.now() + 8 * 86_400_000, 7 * 86_400_000)).toBeGreaterThanOrEqual(delivered);
    expect((await outboxOf(ids.hook)).map((r) => r.id)).toEqual(pending.map((r) => r.id));
  });
});
