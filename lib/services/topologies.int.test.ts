// Semi-sync, master-master and MariaDB multi-source on real sandboxes, through the poller, the status report, the
// topology graph and the replication operations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, slaveStatus, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireMasterMaster, wireReplication } from "@/sandbox";
import type { Operation } from "@/lib/domain/operations/types";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-topologies-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "3000";
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { topologyReport } = await import("./topology");
const { metrics } = await import("./metrics");
const { previewOperation, runOperation } = await import("./operations");

const ids = new Map<Sandbox, string>();
const caller = { actor: "ivan", address: "10.1.2.3" };

async function register(sb: Sandbox, name: string, cluster: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
}

async function sweep() {
  await monitor().sweep();
  const { servers } = await statusReport();
  return (sb: Sandbox) => servers.find((s) => s.id === ids.get(sb))!;
}

async function edges() {
  const { clusters } = await topologyReport();
  return clusters.flatMap((c) => c.edges);
}
const keyOf = (sb: Sandbox) => `${sb.host}:${sb.port}`;

async function run(sb: Sandbox, op: Operation) {
  const p = await previewOperation(ids.get(sb)!, op);
  if (!p.ok) throw new Error(p.error);
  const r = await runOperation(ids.get(sb)!, op, { serverName: p.value.serverName, statements: p.value.plan.statements }, caller);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

let SS: Sandbox, SR: Sandbox, SA: Sandbox, MA: Sandbox, MB: Sandbox, X: Sandbox, Y: Sandbox, Z: Sandbox, M: Sandbox;

beforeAll(async () => {
  [SS, SR, SA, MA, MB, X, Y, Z, M] = await startSandboxes(9);
  // Semi-sync: SS → SR (semi-sync, acknowledging), SS → SA (asynchronous).
  await wireReplication(SS, SR);
  await wireReplication(SS, SA);
  await SS.query("SET GLOBAL rpl_semi_sync_master_enabled = ON, rpl_semi_sync_master_timeout = 500");
  await SR.query("SET GLOBAL rpl_semi_sync_slave_enabled = ON");
  await SR.query("STOP SLAVE IO_THREAD");
  await SR.query("START SLAVE IO_THREAD");
  await waitForSlave(SR, (r) => r.Slave_IO_Running === "Yes");
  // Master-master: MA ⇄ MB, both writable.
  await wireMasterMaster(MA, MB);
  // Multi-source: M replicates from X (connection 'a') and Y (connection 'b'); Z is another replica of Y.
  await X.query("SET GLOBAL gtid_domain_id = 1");
  await Y.query("SET GLOBAL gtid_domain_id = 2");
  await wireReplication(X, M, { connectionName: "a", skipCopy: true });
  await wireReplication(Y, M, { connectionName: "b", skipCopy: true });
  await wireReplication(Y, Z);
  await X.query("CREATE DATABASE ax");
  await Y.query("CREATE DATABASE by_");
  await Y.query("CREATE TABLE by_.t (id INT PRIMARY KEY) ENGINE=InnoDB");
  await Y.query("INSERT INTO by_.t VALUES (1)");
  for (const [sb, name, cluster] of [[SS, "semi-src", "semi"], [SR, "semi-ack", "semi"], [SA, "semi-async", "semi"], [MA, "mm-a", "mm"], [MB, "mm-b", "mm"], [X, "ms-x", "ms"], [Y, "ms-y", "ms"], [Z, "ms-z", "ms"], [M, "ms-m", "ms"]] as const) await register(sb, name, cluster);
}, 180_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("semi-sync on real MariaDB", () => {
  it("reports an acknowledged source as active, its acknowledging replica's edge as semi-sync, and exports it", async () => {
    await SS.query("CREATE DATABASE semi");
    await waitForCaughtUp(SS, SR);
    const get = await sweep();
    expect(get(SS).semiSync).toMatchObject({ sourceEnabled: true, sourceActive: true, clients: 1, replicaEnabled: false });
    expect(get(SS).semiSync.yesTx).toBeGreaterThanOrEqual(1);
    expect(get(SR).semiSync).toMatchObject({ replicaEnabled: true, replicaActive: true, sourceEnabled: false, clients: null });
    expect(get(SS).problems.map((p) => p.code)).not.toContain("SemiSyncDegraded");
    const e = await edges();
    expect(e.find((x) => x.from === keyOf(SS) && x.to === keyOf(SR))?.semiSync).toBe(true);
    expect(e.find((x) => x.from === keyOf(SS) && x.to === keyOf(SA))?.semiSync).toBe(false);
    expect(await metrics().registry.getSingleMetricAsString("replscope_semisync_source_active")).toMatch(/server="semi-src".*\} 1/);
  });

  it("reports SemiSyncDegraded within 2 polls once the replica's IO thread stops and a write outlasts the timeout", async () => {
    await SR.query("STOP SLAVE IO_THREAD");
    await SS.query("CREATE TABLE semi.after_timeout (id INT PRIMARY KEY) ENGINE=InnoDB"); // waits 500 ms, then async
    let codes: string[] = [];
    for (let i = 0; i < 2 && !codes.includes("SemiSyncDegraded"); i++) codes = (await sweep())(SS).problems.map((p) => p.code);
    expect(codes).toContain("SemiSyncDegraded");
    expect(codes).toContain("SemiSyncNoAckers");
    const get = await sweep();
    expect(get(SS).semiSync).toMatchObject({ sourceEnabled: true, sourceActive: false, clients: 0 });
    expect(get(SS).semiSync.noTx).toBeGreaterThanOrEqual(1);
    expect((await edges()).find((x) => x.from === keyOf(SS) && x.to === keyOf(SR))?.semiSync).toBe(false);
    expect(await metrics().registry.getSingleMetricAsString("replscope_semisync_source_active")).toMatch(/server="semi-src".*\} 0/);
  });
});

describe("master-master on real MariaDB", () => {
  it("warns CoSourceBothWritable on both sides while both are writable, not once one is read-only", async () => {
    let get = await sweep();
    for (const sb of [MA, MB]) expect(get(sb).problems.map((p) => p.code)).toContain("CoSourceBothWritable");
    expect(get(MA).problems.map((p) => p.code)).not.toContain("AutoIncrementCollision");
    await MB.query("SET GLOBAL read_only = ON");
    get = await sweep();
    for (const sb of [MA, MB]) expect(get(sb).problems.map((p) => p.code)).not.toContain("CoSourceBothWritable");
  });
});

describe("multi-source (named connections) on real MariaDB", () => {
  it("reports each connection and draws one edge per connection", async () => {
    const get = await sweep();
    expect(get(M).channels.map((c) => [c.name, c.sourcePort, c.state])).toEqual([["a", X.port, "ok"], ["b", Y.port, "ok"]]);
    const e = (await edges()).filter((x) => x.to === keyOf(M)).map((x) => [x.from, x.channel]).sort();
    expect(e).toEqual([[keyOf(X), "a"], [keyOf(Y), "b"]].sort());
  });

  it("stops and starts one connection without touching the other", async () => {
    const stop = await run(M, { kind: "stop", threads: "both", channel: "b" });
    expect(stop.ran).toEqual(["STOP REPLICA 'b'"]);
    expect(stop.settled).toBe(true); // judged on connection 'b', not on the first one
    expect((await slaveStatus(M, "b"))?.Slave_SQL_Running).toBe("No");
    expect((await slaveStatus(M, "a"))?.Slave_SQL_Running).toBe("Yes");
    const get = await sweep();
    expect(get(M).channels.map((c) => [c.name, c.state])).toEqual([["a", "ok"], ["b", "stopped"]]);
    expect(get(M).problems.find((p) => p.code === "ReplicationStopped")?.channel).toBe("b");
    const start = await run(M, { kind: "start", threads: "both", channel: "b" });
    expect(start.settled).toBe(true);
    await waitForSlave(M, (r) => r.Slave_SQL_Running === "Yes", "b");
  });

  it("skips a failing transaction on one connection", async () => {
    await M.session(async (c) => {
      await c.query("SET SESSION sql_log_bin = 0");
      await c.query("INSERT INTO by_.t VALUES (2)");
    });
    await Y.query("INSERT INTO by_.t VALUES (2)");
    await waitForSlave(M, (r) => Number(r.Last_SQL_Errno) === 1062, "b");
    await sweep();
    const skip = await run(M, { kind: "skip", channel: "b" });
    expect(skip.ran).toContain("SET @@default_master_connection = 'b'");
    await waitForSlave(M, (r) => r.Slave_SQL_Running === "Yes" && Number(r.Last_SQL_Errno) === 0, "b");
    expect((await slaveStatus(M, "a"))?.Slave_SQL_Running).toBe("Yes");
  });

  it("repoints one connection to another server by GTID, leaving the other connection alone", async () => {
    await Y.query("INSERT INTO by_.t VALUES (3)");
    await waitForCaughtUp(Y, Z);
    await waitForCaughtUp(Y, M);
    await sweep();
    const moved = await run(M, { kind: "repoint", targetId: ids.get(Z)!, channel: "b" });
    expect(moved.ran[1]).toMatch(/^CHANGE MASTER 'b' TO MASTER_HOST='127\.0\.0\.1', MASTER_PORT=\d+, MASTER_USE_GTID=slave_pos$/);
    expect(moved.settled).toBe(true);
    expect(Number((await slaveStatus(M, "b"))?.Master_Port)).toBe(Z.port);
    expect(Number((await slaveStatus(M, "a"))?.Master_Port)).toBe(X.port);
    await Y.query("INSERT INTO by_.t VALUES (4)");
    await waitForCaughtUp(Y, M);
    await X.query("CREATE DATABASE ax2");
    await waitForCaughtUp(X, M);
    const get = await sweep();
    expect(get(M).channels.map((c) => [c.name, c.sourcePort, c.state])).toEqual([["a", X.port, "ok"], ["b", Z.port, "ok"]]);
    expect((await edges()).filter((x) => x.to === keyOf(M)).map((x) => [x.from, x.channel]).sort()).toEqual([[keyOf(X), "a"], [keyOf(Z), "b"]].sort());
  });
});
