// The poller against a real 3-member MariaDB Galera cluster on loopback (one cluster for the whole file): discovery of
// members from wsrep_incoming_addresses, healthy, an async replica below a member, desynced on purpose, one member frozen.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type GaleraCluster, type Sandbox, startGaleraCluster, startSandbox, teardownAll, waitForCaughtUp, waitForWsrep, wireReplication } from "@/sandbox";
import { groupBox, layoutCluster, NODE_SIZE } from "@/lib/domain/graph-layout";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-galera-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "1500";
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { topologyReport } = await import("./topology");
const { metrics } = await import("./metrics");
const { crawl, registerDiscovered } = await import("./discovery");
const { NOT_CONTACTED } = await import("@/lib/domain/discovery");

let cluster: GaleraCluster;
let replica: Sandbox;
const ids: string[] = [];
const key = (sb: Sandbox) => `127.0.0.1:${sb.port}`;

async function sweepReport() {
  await monitor().sweep();
  const { servers } = await statusReport();
  return ids.map((id) => servers.find((s) => s.id === id)!);
}

beforeAll(async () => {
  cluster = await startGaleraCluster(3, "gal");
  // DDL replicates through the cluster (TOI): one CREATE USER serves every member.
  await createUser(cluster.members[0], "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
  // Only the first member is registered: the others are found by discovery (first test).
  const m = cluster.members[0];
  const r = await createServer({ name: "gal-1", host: m.host, port: m.port, user: "monitor", password: "mon-pw", cluster: "gal" });
  if (!r.ok) throw new Error(r.error);
  ids.push(r.value.server.id);
}, 400_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("Galera cluster (real, 3 members)", () => {
  it("discovery: a member's peers (wsrep_incoming_addresses) are found; contacted only on opt-in; registered with the typed seed password", async () => {
    const [, m2, m3] = cluster.members;
    const plain = await crawl(ids[0]);
    if (!plain.ok) throw new Error(plain.error);
    for (const m of [m2, m3]) {
      const d = plain.value.servers.find((x) => `${x.host}:${x.port}` === key(m))!;
      expect(d).toMatchObject({ depth: 1, contacted: false, reachable: false, reason: NOT_CONTACTED, registeredAs: null });
      expect(d.foundVia).toEqual([`Galera peer of ${key(cluster.members[0])} (wsrep_incoming_addresses)`]);
    }
    expect(plain.value.servers).toHaveLength(3);

    const opted = await crawl(ids[0], { trySeedCredentials: true });
    if (!opted.ok) throw new Error(opted.error);
    for (const m of [m2, m3]) {
      const d = opted.value.servers.find((x) => `${x.host}:${x.port}` === key(m))!;
      expect(d).toMatchObject({ depth: 1, contacted: true, reachable: true, serverId: m.serverId });
      // Each member announces the others too: found by both of its peers.
      expect(d.foundVia).toHaveLength(2);
    }

    const chosen = [m2, m3].map((m, i) => ({ name: `gal-${i + 2}`, host: m.host, port: m.port }));
    const wrong = await registerDiscovered(ids[0], chosen, { use: "seed", password: "not-it" });
    expect(wrong.ok).toBe(false);
    const done = await registerDiscovered(ids[0], chosen, { use: "seed", password: "mon-pw" });
    if (!done.ok) throw new Error(done.error);
    expect(done.value).toEqual([{ name: "gal-2", ok: true, status: "ok" }, { name: "gal-3", ok: true, status: "ok" }]);
    const { servers } = await statusReport();
    for (const name of ["gal-2", "gal-3"]) ids.push(servers.find((s) => s.name === name)!.id);
  });

  it("healthy: every member Primary, Synced, size 3, no problem; one group in the graph", async () => {
    const reports = await sweepReport();
    for (const r of reports) {
      expect(r.state).toBe("ok");
      expect(r.problems).toEqual([]);
      expect(r.galera).toMatchObject({ member: true, clusterName: "gal", clusterSize: 3, clusterStatus: "Primary", primary: true, localState: "Synced", ready: true, connected: true, desync: false });
      // In the component's member order (by node UUID), not the start order.
      expect([...(r.galera.incomingAddresses ?? [])].sort()).toEqual(cluster.members.map(key).sort());
    }
    expect(new Set(reports.map((r) => r.galera.stateUuid)).size).toBe(1);
    const { clusters } = await topologyReport();
    const group = clusters.flatMap((c) => c.groups).find((g) => g.kind === "galera")!;
    expect(group.name).toBe("gal");
    expect(group.members).toHaveLength(3);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/replscope_galera_cluster_size\{server="gal-1",host="127\.0\.0\.1:\d+",cluster="gal"\} 3/);
    expect(text).toMatch(/replscope_galera_primary\{server="gal-2",[^}]*\} 1/);
  });

  it("an async replica of a member hangs below the group box, outside it", async () => {
    replica = await startSandbox();
    await wireReplication(cluster.members[0], replica, { skipCopy: true });
    await createUser(replica, "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
    // A write on another member reaches the replica through gal-1's binlog (log_slave_updates).
    await cluster.members[1].query("CREATE DATABASE below");
    await cluster.members[1].query("CREATE TABLE below.t (id INT PRIMARY KEY)");
    await cluster.members[1].query("INSERT INTO below.t VALUES (7)");
    await waitForCaughtUp(cluster.members[0], replica);
    expect(await replica.query("SELECT id FROM below.t")).toEqual([{ id: 7 }]);
    const r = await createServer({ name: "gal-async", host: replica.host, port: replica.port, user: "monitor", password: "mon-pw", cluster: "gal" });
    if (!r.ok) throw new Error(r.error);
    await monitor().sweep();
    const { servers } = await statusReport();
    const rep = servers.find((s) => s.id === r.value.server.id)!;
    expect(rep.state).toBe("ok");
    expect(rep.galera.member).toBe(false);
    const { clusters } = await topologyReport();
    const c = clusters.find((x) => x.nodes.some((n) => n.registryId === r.value.server.id))!;
    const group = c.groups.find((g) => g.kind === "galera")!;
    expect(group.members).toHaveLength(3);
    const node = c.nodes.find((n) => n.registryId === r.value.server.id)!;
    const member = c.nodes.find((n) => n.registryId === ids[0])!;
    expect(node.groupId).toBeUndefined();
    expect(group.members).not.toContain(node.id);
    expect(c.edges).toContainEqual(expect.objectContaining({ from: member.id, to: node.id, state: "ok" }));
    expect(member).toMatchObject({ groupId: group.id, role: "source" });
    const pos = layoutCluster(c);
    const box = groupBox(group.members, pos)!;
    expect(pos.get(node.id)!.y).toBeGreaterThanOrEqual(box.y + box.height);
    for (const id of group.members) expect(pos.get(id)!.y + NODE_SIZE.height).toBeLessThanOrEqual(pos.get(node.id)!.y);
  });

  it("a member desynced on purpose (wsrep_desync=ON) is shown as such, not as a problem", async () => {
    const m = cluster.members[2];
    await m.query("SET GLOBAL wsrep_desync=ON");
    try {
      await waitForWsrep(m, (s) => s.wsrep_local_state_comment === "Donor/Desynced");
      const [, , r] = await sweepReport();
      expect(r.galera).toMatchObject({ desync: true, localState: "Donor/Desynced" });
      expect(r.problems).toEqual([]);
    } finally {
      await m.query("SET GLOBAL wsrep_desync=OFF");
    }
    await waitForWsrep(m, (s) => s.wsrep_local_state_comment === "Synced");
  });

  it("one member frozen (SIGSTOP): the others report size 2 and name it; it is unreachable", async () => {
    const frozen = cluster.members[2];
    await frozen.pause();
    try {
      await cluster.waitForSize(2);
      const [a, b, c] = await sweepReport();
      for (const r of [a, b]) {
        expect(r.galera).toMatchObject({ clusterSize: 2, primary: true, localState: "Synced" });
        expect(r.galera.incomingAddresses).not.toContain(`127.0.0.1:${frozen.port}`);
        expect(r.problems.map((p) => p.code)).toEqual(["GaleraClusterSizeMismatch"]);
        expect(r.problems[0].message).toContain("gal-3 is not in it");
      }
      expect(c.state).toBe("unreachable");
      expect(c.problems.map((p) => p.code)).toContain("Unreachable");
      const { clusters } = await topologyReport();
      const group = clusters.flatMap((x) => x.groups).find((g) => g.kind === "galera")!;
      expect(group.members).toHaveLength(3);
    } finally {
      await frozen.resume();
    }
    await cluster.waitForSize(3, 60_000);
  });
});
