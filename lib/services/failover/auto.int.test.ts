// Automatic failover on real MariaDB sandboxes with GTID: a cluster opted in with a short delay; kill -9 the source →
// the top-ranked replica is promoted without a human, audited as `auto`; a second kill within the cooldown → no
// second automatic failover (while the failover itself is possible by hand).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, slaveStatus, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireGtidReplica } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-autofailover-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1000";
const { createServer } = await import("../servers");
const { failoverView, failoverSettled } = await import("./index");
const { updateSetting } = await import("./settings");
const { monitor } = await import("../monitor");
const { listFailovers } = await import("@/lib/data/failover");
const { listAudit } = await import("@/lib/data/audit");

let S: Sandbox, A: Sandbox, B: Sandbox;
const ids = new Map<Sandbox, string>();
const DELAY = 10;

/** One poll, then the post-sweep failover duties (fencing, automatic mode), then a second's pause. */
async function poll() {
  await monitor().sweep();
  await monitor().lastFailoverCheck;
  await new Promise((r) => setTimeout(r, 1000));
}

beforeAll(async () => {
  [S, A, B] = await startSandboxes(3);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40)) ENGINE=InnoDB");
  for (const r of [A, B]) await wireGtidReplica(S, r);
  await S.query("INSERT INTO shop.orders (item) VALUES ('before')");
  for (const r of [A, B]) await waitForCaughtUp(S, r);
  for (const [sb, name] of [[S, "au-s"], [A, "au-a"], [B, "au-b"]] as const) {
    const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "au" });
    if (!r.ok) throw new Error(r.error);
    ids.set(sb, r.value.server.id);
  }
  const saved = await updateSetting("au", { fencing: true, autoFailover: true, autoDelaySeconds: DELAY, cooldownSeconds: 3600 }, { actor: "admin", address: null });
  expect(saved).toMatchObject({ ok: true, value: { autoFailover: true, autoDelaySeconds: DELAY } });
  await poll();
}, 180_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("automatic failover", () => {
  let promoted: Sandbox;
  let other: Sandbox;

  it("kill -9 the source → after the delay the top-ranked replica is promoted without a human, audited as auto", async () => {
    const killedAt = Date.now();
    await S.kill9();
    let runs = await listFailovers(ids.get(S));
    for (let i = 0; i < 60 && !runs.length; i++) {
      await poll();
      runs = await listFailovers(ids.get(S));
    }
    expect(runs).toHaveLength(1);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(DELAY * 1000);
    await failoverSettled(runs[0].id);
    const [run] = await listFailovers(ids.get(S));
    expect(run).toMatchObject({ actor: "auto", auto: true, status: "done", error: null, cluster: "au" });
    promoted = [A, B].find((x) => ids.get(x) === run.newSourceId)!;
    other = promoted === A ? B : A;
    expect(promoted).toBeDefined();
    expect((await promoted.query<{ ro: number }[]>("SELECT @@read_only AS ro"))[0].ro).toBe(0);
    expect(await slaveStatus(promoted)).toBeUndefined();
    const st = await waitForSlave(other, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes");
    expect(Number(st.Master_Port)).toBe(promoted.port);
    const audit = await listAudit({ actor: "auto" });
    expect(audit.some((e) => /RESET (SLAVE|REPLICA) ALL/.test(e.statement) && e.serverId === ids.get(promoted))).toBe(true);
    expect(audit.some((e) => e.action === `failover:${run.id}`)).toBe(true);
  }, 180_000);

  it("a second kill within the cooldown is a DeadSource (failover possible by hand) but is not promoted again", async () => {
    await promoted.query("INSERT INTO shop.orders (item) VALUES ('after')");
    await waitForCaughtUp(promoted, other);
    await poll();
    await promoted.kill9();
    const deadAt = Date.now();
    while (Date.now() - deadAt < (DELAY + 8) * 1000) await poll();
    const view = await failoverView(ids.get(promoted)!);
    expect(view).toMatchObject({ ok: true, value: { detection: { code: "DeadSource" } } });
    expect(await listFailovers(ids.get(promoted))).toHaveLength(0);
    expect((await listFailovers()).filter((r) => r.auto)).toHaveLength(1);
    expect((await other.query<{ ro: number }[]>("SELECT @@read_only AS ro"))[0].ro).toBe(1);
    expect(Number((await slaveStatus(other))?.Master_Port)).toBe(promoted.port);
  }, 120_000);
});
