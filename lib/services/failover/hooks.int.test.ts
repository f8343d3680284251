// Failover hooks through the alert outbox, on real MariaDB sandboxes and a real signed HTTP receiver: the receiver
// fails (503) until the post hook's first attempt, then accepts; each hook is retried with backoff and delivered once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Sandbox, startSandboxes, teardownAll, wireGtidReplica } from "@/sandbox";
import { HttpReceiver } from "@/test/fakes/alert-receivers";

// Retries every 200–400 ms, so the test sees the backoff at work without waiting the default 5 s.
Object.assign(process.env, {
  REPLSCOPE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "replscope-failover-hooks-")),
  REPLSCOPE_CONNECT_TIMEOUT_MS: "1000", REPLSCOPE_ALERT_BACKOFF_BASE_MS: "200", REPLSCOPE_ALERT_BACKOFF_MAX_MS: "400", REPLSCOPE_ALERT_TIMEOUT_MS: "2000",
});
const { createServer } = await import("../servers");
const { startFailover, getFailover, failoverSettled } = await import("./index");
const { updateSetting } = await import("./settings");
const { serverStatusDetail } = await import("../status");
const { monitor } = await import("../monitor");
const { deliveryWorker } = await import("../alerts/delivery");
const { recentHookDeliveries } = await import("./hooks");
const { db } = await import("@/lib/data/db");

const SECRET = "hook-signing-secret-7f3a";
const receiver = new HttpReceiver(SECRET);
const caller = { actor: "dba", address: "10.1.1.1" };
let S: Sandbox, A: Sandbox;
const ids = new Map<Sandbox, string>();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const of = (event: string) => receiver.received.filter((x) => (x.json as { event?: string } | null)?.event === event);

beforeAll(async () => {
  await receiver.start();
  [S, A] = await startSandboxes(2);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40)) ENGINE=InnoDB");
  await wireGtidReplica(S, A);
  for (const [sb, name] of [[S, "hk-s"], [A, "hk-a"]] as const) {
    const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "hk" });
    if (!r.ok) throw new Error(r.error);
    ids.set(sb, r.value.server.id);
  }
  const saved = await updateSetting("hk", { fencing: true, autoFailover: false, autoDelaySeconds: 30, cooldownSeconds: 3600, hookUrls: [receiver.url], hookSecret: SECRET }, { actor: "admin", address: null });
  expect(saved.ok).toBe(true);
  await monitor().sweep();
}, 180_000);

afterAll(async () => {
  monitor().stop();
  await receiver.stop();
  await teardownAll();
});

it("a failing receiver gets the post hook after a retry, signed, exactly once; the run shows it; the secret is nowhere", async () => {
  await S.kill9();
  const codes = async () => (await serverStatusDetail(ids.get(S)!))!.report.problems.map((p) => p.code);
  for (let i = 0; i < 10 && !(await codes()).includes("DeadSource"); i++) await monitor().sweep();
  expect(await codes()).toContain("DeadSource");
  receiver.mode = { kind: "status", status: 503 };
  const r = await startFailover(ids.get(S)!, { candidateId: ids.get(A), confirm: "hk-s" }, caller);
  if (!r.ok) throw new Error(r.error);
  // The failover waited for the pre hook's first attempt (refused), and did not depend on its answer.
  expect(of("failover.pre").length).toBeGreaterThanOrEqual(1);
  expect(of("failover.pre")[0].status).toBe(503);
  await failoverSettled(r.value.id);
  while (of("failover.post").length === 0) await pause(50);
  receiver.mode = { kind: "ok" };
  const rows = () => db().outbox.findMany({ where: { alertId: `failover:${r.value.id}` }, orderBy: { id: "asc" } });
  while ((await rows()).some((x) => x.deliveredAt === null)) await pause(50);
  await deliveryWorker().drain(5000, 2000);

  for (const event of ["failover.pre", "failover.post"]) {
    const got = of(event);
    expect(got.filter((x) => x.status === 200)).toHaveLength(1);
    expect(got.filter((x) => x.status !== 200).length).toBeGreaterThanOrEqual(1);
    expect(got.every((x) => x.signatureValid === true && x.headers["idempotency-key"] === `${r.value.id}:${event}`)).toBe(true);
  }
  const post = of("failover.post").find((x) => x.status === 200)!.json;
  expect(post).toMatchObject({ event: "failover.post", failoverId: r.value.id, cluster: "hk", oldSource: "hk-s", newSource: "hk-a", status: "done" });
  const stored = await rows();
  expect(stored.map((x) => [x.hookUrl, x.channelId, x.deliveredAt !== null, x.attempts >= 2])).toEqual([[receiver.url, null, true, true], [receiver.url, null, true, true]]);

  const run = await getFailover(r.value.id);
  if (!run.ok) throw new Error(run.error);
  expect(run.value.status).toBe("done");
  const host = new URL(receiver.url).host;
  expect(run.value.hooks).toEqual([expect.stringMatching(new RegExp(`^pre hook ${host}: delivered \\(attempt \\d+\\)$`)), expect.stringMatching(new RegExp(`^post hook ${host}: delivered \\(attempt \\d+\\)$`))]);
  // The alert channels page lists them too, newest first.
  expect(await recentHookDeliveries()).toEqual(["post", "pre"].map((event) => expect.objectContaining({ failoverId: r.value.id, event, to: `hook ${host}`, state: expect.stringMatching(/^delivered \(attempt \d+\)$/) })));
  const everywhere = JSON.stringify([run.value, stored, await recentHookDeliveries(), await db().auditEntry.findMany()]);
  expect(everywhere).not.toContain(SECRET);
}, 240_000);
