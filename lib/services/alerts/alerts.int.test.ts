// Alerts end to end on real MariaDB sandboxes with real receivers on loopback: HTTP (signed), Alertmanager, SMTP.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, injectDuplicateKeyConflict, type Sandbox, startSandboxes, stopReplicaSqlThread, teardownAll, waitForSlave, wireReplication } from "@/sandbox";
import { Alertmanager, freePort, HttpReceiver, SmtpSink } from "@/test/fakes/alert-receivers";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-alerts-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_POLL_INTERVAL_MS = "250";
process.env.REPLSCOPE_PUBLIC_URL = "https://replscope.example";
const { createServer } = await import("../servers");
const { monitor } = await import("../monitor");
const { statusReport } = await import("../status");
const { createAlertChannel, testAlertChannel, listAlertChannels, updateAlertChannel } = await import("./channel-admin");
const { listAlerts, createSilence, removeSilence, replaceAlertRules, acknowledgeAlert } = await import("./alerts");
const { DeliveryWorker } = await import("./delivery");
const { alertEngine } = await import("./engine");
const { outboxOf } = await import("@/lib/data/alert-channels");
const { db } = await import("@/lib/data/db");

const admin = { actor: "admin", address: "127.0.0.1" };
const PASSWORD = "monitor-pw";
const SECRET = "hook-secret";
let S: Sandbox, R: Sandbox, R2: Sandbox;
const ids = new Map<Sandbox, string>();
const hook = new HttpReceiver(SECRET);
const slack = new HttpReceiver();
const am = new Alertmanager();
const smtp = new SmtpSink("mailer", "right-password");
const channelIds: Record<string, string> = {};
const fast = { backoff: { baseMs: 50, maxMs: 200, giveUpAfterMs: 60_000 }, timeoutMs: 2000, concurrency: 32, leaseMs: 10_000 };
const worker = new DeliveryWorker(fast);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const firingOf = (r: HttpReceiver, status: string) => r.received.filter((x) => (x.json as { status?: string } | null)?.status === status);

/** A sweep, its alert evaluation, and every notification it enqueued delivered. */
async function sweepAndDeliver() {
  await monitor().sweep();
  const e = await monitor().lastEvaluation;
  await worker.drain();
  return e!;
}

async function channel(body: Record<string, unknown>) {
  const r = await createAlertChannel(body, admin);
  if (!r.ok) throw new Error(JSON.stringify(r));
  channelIds[body.name as string] = r.value.id;
  return r.value;
}

beforeAll(async () => {
  await Promise.all([hook.start(), slack.start(), am.start(), smtp.start()]);
  [S, R, R2] = await startSandboxes(3);
  await createUser(S, "monitor", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "SELECT"]);
  for (const r of [R, R2]) await wireReplication(S, r);
  for (const [name, sb] of [["src", S], ["rep", R], ["rep2", R2]] as const) {
    const r = await createServer({ name, host: sb.host, port: sb.port, user: "monitor", password: PASSWORD, cluster: "it" });
    if (!r.ok) throw new Error(r.error);
    ids.set(sb, r.value.server.id);
  }
  await channel({ name: "hook", kind: "webhook", url: hook.url, secret: SECRET });
  await channel({ name: "chat", kind: "slack", url: slack.url, minSeverity: "critical" });
  await channel({ name: "am", kind: "alertmanager", url: am.url });
  await channel({ name: "mail", kind: "email", smtp: { host: "127.0.0.1", port: smtp.port, tls: "none", user: "mailer", password: "right-password", from: "replscope@example.com" }, to: "oncall@example.com" });
});

afterAll(async () => {
  worker.stop();
  monitor().stop();
  await Promise.all([am.stop(), hook.stop(), slack.stop(), smtp.stop()]);
  await teardownAll();
});

describe("alerts on real replicas", () => {
  it("a broken replica (duplicate key) fires at once: webhook (signed), Slack, Alertmanager and e-mail each get it once", async () => {
    await sweepAndDeliver();
    expect(hook.received).toHaveLength(0);
    await injectDuplicateKeyConflict(S, R);
    const e = await sweepAndDeliver();
    expect(e.enqueued).toBe(4);
    const [firing] = firingOf(hook, "firing");
    expect(firingOf(hook, "firing")).toHaveLength(1);
    expect(firing.signatureValid).toBe(true);
    expect(firing.json).toMatchObject({ version: 1, status: "firing", alert: { code: "ReplicationBroken", severity: "critical", serverId: ids.get(R), serverName: "rep", host: R.host, port: R.port, cluster: "it", channel: "", resolvedAt: null }, dashboardUrl: `https://replscope.example/servers/${ids.get(R)}` });
    const alertId = (firing.json as { alert: { id: string } }).alert.id;
    expect(firing.headers["idempotency-key"]).toBe(`${alertId}:firing:0`);
    expect((slack.received[0].json as { text: string }).text).toMatch(/CRITICAL ReplicationBroken on rep[\s\S]*1062[\s\S]*Since: [\s\S]*https:\/\/replscope.example\/servers\//);
    const inAm = (await am.alerts()).filter((a) => a.labels.alertname === "ReplicationBroken");
    expect(inAm).toHaveLength(1);
    expect(inAm[0].labels).toMatchObject({ severity: "critical", server: "rep", cluster: "it", channel: "am" });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(["oncall@example.com"]);
    expect(smtp.mails[0].raw).toMatch(/Subject: \[replscope\] CRITICAL ReplicationBroken on rep/);
    const [listed] = await listAlerts("firing");
    expect(listed).toMatchObject({ id: alertId, serverName: "rep", code: "ReplicationBroken", state: "firing", silenced: false, acknowledgedBy: null });
    const { servers } = await statusReport();
    const rep = servers.find((s) => s.id === ids.get(R))!;
    expect(rep.problems.find((p) => p.code === "ReplicationBroken")!.since).toBe(listed.since);
    expect(rep.stateSince).not.toBeNull();
    expect((await listAlertChannels()).find((c) => c.name === "hook")).toMatchObject({ lastResult: "ok", lastError: null, hasSecret: true });
    await sweepAndDeliver();
    expect(firingOf(hook, "firing")).toHaveLength(1);
    const again = (await statusReport()).servers.find((s) => s.id === ids.get(R))!;
    expect(again.stateSince).toBe(rep.stateSince);
    expect(Date.parse(again.checkedAt!)).toBeGreaterThan(Date.parse(rep.stateSince!));
  });

  it("acknowledging records who; fixing the replica resolves it after one full poll: resolved delivered, Alertmanager told endsAt", async () => {
    const [a] = await listAlerts("firing");
    const brokenSince = (await statusReport()).servers.find((s) => s.id === ids.get(R))!.stateSince!;
    expect(await acknowledgeAlert(a.id, { actor: "alice", address: null })).toMatchObject({ ok: true });
    expect((await listAlerts("firing"))[0].acknowledgedBy).toBe("alice");
    await R.query("STOP SLAVE");
    await R.query("SET GLOBAL sql_slave_skip_counter = 1");
    await R.query("START SLAVE");
    await waitForSlave(R, (r) => r.Slave_SQL_Running === "Yes");
    await sweepAndDeliver();
    expect(firingOf(hook, "resolved")).toHaveLength(0);
    await pause(300);
    await sweepAndDeliver();
    const [resolved] = firingOf(hook, "resolved");
    expect(firingOf(hook, "resolved")).toHaveLength(1);
    expect(resolved.json).toMatchObject({ status: "resolved", alert: { id: a.id, resolvedAt: expect.any(String) } });
    expect(resolved.headers["idempotency-key"]).toBe(`${a.id}:resolved:1`);
    expect((await listAlerts("resolved"))[0]).toMatchObject({ id: a.id, state: "resolved" });
    const inAm = (await am.alerts()).filter((x) => x.labels.alertname === "ReplicationBroken");
    expect(inAm.every((x) => Date.parse(x.endsAt) <= Date.now() + 1000)).toBe(true);
    expect(smtp.mails.at(-1)!.raw).toMatch(/Subject: \[replscope\] RESOLVED ReplicationBroken on rep/);
    const healed = (await statusReport()).servers.find((s) => s.id === ids.get(R))!;
    expect(healed.state).toBe("ok");
    expect(Date.parse(healed.stateSince!)).toBeGreaterThan(Date.parse(brokenSince));
  });

  it("a silenced alert is listed as silenced and sends nothing; once the silence is removed it is sent", async () => {
    const rules = await replaceAlertRules({ rules: [{ code: "ReplicationStopped", forSeconds: 0 }] }, admin);
    expect(rules.ok).toBe(true);
    const s = await createSilence({ serverId: ids.get(R2), minutes: 60, reason: "maintenance" }, admin);
    if (!s.ok) throw new Error(s.error);
    const before = hook.received.length;
    await stopReplicaSqlThread(R2);
    const maxId = (await db().outbox.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const e = await sweepAndDeliver();
    expect((await db().outbox.findMany({ where: { id: { gt: maxId } } })).map((r) => `${r.idempotencyKey} ${r.payload.slice(0, 400)}`)).toEqual([]);
    expect(e.enqueued).toBe(0);
    expect(hook.received).toHaveLength(before);
    expect((await listAlerts("firing")).find((x) => x.code === "ReplicationStopped")).toMatchObject({ serverName: "rep2", silenced: true });
    expect(await removeSilence(s.value.id, admin)).toMatchObject({ ok: true });
    await sweepAndDeliver();
    expect(hook.received.slice(before).map((x) => `${(x.json as { status: string }).status} ${(x.json as { alert: { code: string; serverName: string } }).alert.code} ${(x.json as { alert: { serverName: string } }).alert.serverName}`)).toEqual(["firing ReplicationStopped rep2"]);
    await R2.query("START SLAVE");
  });

  it("silences without a reason, an end, or a match are refused with field errors", async () => {
    expect(await createSilence({ serverId: ids.get(R), minutes: 10 }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { reason: expect.any(Array) } });
    expect(await createSilence({ serverId: ids.get(R), reason: "x" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { endsAt: expect.any(Array) } });
    expect(await createSilence({ cluster: "nope", minutes: 10, reason: "x" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { cluster: ["This silence matches no registered server"] } });
    expect(await createSilence({ serverId: "nope", minutes: 10, reason: "x" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { serverId: ["No such server"] } });
    expect(await createSilence({ minutes: 10, reason: "x" }, admin)).toMatchObject({ ok: false, status: 400 });
    expect(await createSilence({ code: "NoSuchCode", minutes: 10, reason: "x" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { code: expect.any(Array) } });
  });
});

/** A synthetic breakage on a server no sweep knows, evaluated by the engine (so only the delivery path is under test). */
const fakes: string[] = [];
async function breakFake() {
  const serverId = `fake-${fakes.push(`fake-${fakes.length + 1}`)}`;
  await alertEngine().evaluate(fakes.map((id) => ({ serverId: id, name: id, host: "10.0.0.9", port: 3306, cluster: null, reachable: true, problems: [{ code: "ReplicationBroken" as const, severity: "critical" as const, message: "error 1062" }] })));
  return serverId;
}
const rowsFor = async (name: string, serverId: string) => (await outboxOf(channelIds[name])).filter((r) => r.payload.includes(`"serverId":"${serverId}"`));
const receivedFor = (r: HttpReceiver, serverId: string) =>
  r.received.filter((x) => x.body.includes(`"serverId":"${serverId}"`) || (x.json as { text?: string } | null)?.text?.includes(`on ${serverId}*\n`));

describe("delivery: never lose, never duplicate", () => {
  it("a receiver that is down gets the notification once it is back, exactly once", async () => {
    await hook.stop();
    const id = await breakFake();
    await worker.tick();
    await worker.idle();
    const [row] = await rowsFor("hook", id);
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, failedAt: null, lastError: expect.stringMatching(/^cannot reach 127\.0\.0\.1:\d+: (ECONNREFUSED|the connection closed before an answer)$/) });
    expect(receivedFor(slack, id)).toHaveLength(1);
    expect((await listAlertChannels()).find((c) => c.name === "hook")).toMatchObject({ lastResult: "error", lastError: expect.stringMatching(/cannot reach/) });
    await hook.start();
    await worker.drain();
    await worker.drain();
    expect(receivedFor(hook, id)).toHaveLength(1);
    expect((await rowsFor("hook", id))[0].deliveredAt).not.toBeNull();
  });

  it("a 5xx is retried, a 4xx fails for good with its answer as the error", async () => {
    hook.mode = { kind: "status", status: 503 };
    const a = await breakFake();
    await worker.tick();
    await worker.idle();
    expect((await rowsFor("hook", a))[0]).toMatchObject({ failedAt: null, lastError: "HTTP 503: receiver says no" });
    hook.mode = { kind: "status", status: 400 };
    await worker.drain();
    expect((await rowsFor("hook", a))[0]).toMatchObject({ deliveredAt: null, failedAt: expect.any(Number), lastError: "HTTP 400: receiver says no" });
    hook.mode = { kind: "ok" };
  });

  it("a receiver that never answers times out (bounded) while the other channels are delivered", async () => {
    hook.mode = { kind: "hang" };
    const w = new DeliveryWorker({ ...fast, timeoutMs: 300 });
    const id = await breakFake();
    await w.tick();
    await w.idle();
    expect((await rowsFor("hook", id))[0]).toMatchObject({ deliveredAt: null, failedAt: null, lastError: expect.stringMatching(/no answer from .* within 300 ms/) });
    expect(receivedFor(slack, id)).toHaveLength(1);
    expect((await rowsFor("am", id))[0].deliveredAt).not.toBeNull();
    hook.mode = { kind: "ok" };
    await worker.drain();
    expect(receivedFor(hook, id)).toHaveLength(1);
  });

  it("a notification claimed by a worker that died is delivered by a fresh worker over the same database, once", async () => {
    hook.mode = { kind: "hang" };
    const dying = new DeliveryWorker({ ...fast, timeoutMs: 5000, leaseMs: 200 });
    const id = await breakFake();
    await dying.tick();
    expect(dying.busy).toBeGreaterThan(0);
    hook.mode = { kind: "ok" };
    await pause(250);
    const fresh = new DeliveryWorker(fast);
    await fresh.drain();
    expect(receivedFor(hook, id)).toHaveLength(1);
    await dying.idle();
    const [row] = await rowsFor("hook", id);
    expect(row.deliveredAt).not.toBeNull();
    await fresh.drain();
    expect(receivedFor(hook, id)).toHaveLength(1);
  });

  it("an undelivered notification survives a restart: a new worker (new process state) delivers it", async () => {
    await hook.stop();
    const id = await breakFake();
    await worker.tick();
    await worker.idle();
    expect((await rowsFor("hook", id))[0].deliveredAt).toBeNull();
    await hook.start();
    await db().outbox.updateMany({ where: { channelId: channelIds.hook, deliveredAt: null }, data: { nextAttemptAt: 0 } });
    await new DeliveryWorker(fast).drain();
    expect(receivedFor(hook, id)).toHaveLength(1);
  });

  it("test notifications report clear errors: unreachable URL, invalid SMTP login; and succeed on a good channel", async () => {
    expect((await testAlertChannel(channelIds.hook, admin)).ok && (await testAlertChannel(channelIds.hook, admin))).toMatchObject({ value: { ok: true, detail: "HTTP 200: ok" } });
    const deadPort = await freePort();
    const bad = await createAlertChannel({ name: "dead", kind: "webhook", url: `http://127.0.0.1:${deadPort}/x` }, admin);
    if (!bad.ok) throw new Error(bad.error);
    expect(await testAlertChannel(bad.value.id, admin)).toMatchObject({ ok: true, value: { ok: false, detail: `cannot reach 127.0.0.1:${deadPort}: ECONNREFUSED` } });
    await updateAlertChannel(channelIds.mail, { smtp: { host: "127.0.0.1", port: smtp.port, tls: "none", user: "mailer", password: "wrong", from: "replscope@example.com" } }, admin);
    expect(await testAlertChannel(channelIds.mail, admin)).toMatchObject({ ok: true, value: { ok: false, detail: expect.stringMatching(/SMTP: login refused/) } });
    expect((await listAlertChannels()).find((c) => c.name === "mail")).toMatchObject({ lastResult: "error", smtp: { hasPassword: true, user: "mailer" } });
    expect(JSON.stringify(await listAlertChannels())).not.toMatch(/wrong|right-password|hook-secret/);
  });

  it("bad channel input gets field errors", async () => {
    expect(await createAlertChannel({ name: "x", kind: "webhook" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { url: ["URL is required"] } });
    expect(await createAlertChannel({ name: "y", kind: "webhook", url: "ftp://x" }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { url: expect.any(Array) } });
    expect(await createAlertChannel({ name: "z", kind: "email", smtp: { host: "h", from: "a@b" } }, admin)).toMatchObject({ ok: false, status: 400, fieldErrors: { to: expect.any(Array) } });
    expect(await createAlertChannel({ name: "hook", kind: "webhook", url: "http://a/" }, admin)).toMatchObject({ ok: false, status: 409 });
  });
});
