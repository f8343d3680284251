// The poller against a real 3-member MariaDB Galera cluster on loopback: healthy, desynced on purpose, one member frozen.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type GaleraCluster, startGaleraCluster, teardownAll, waitForWsrep } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-galera-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "1500";
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { topologyReport } = await import("./topology");
const { metrics } = await import("./metrics");

let cluster: GaleraCluster;
const ids: string[] = [];

async function sweepReport() {
  await monitor().sweep();
  const { servers } = await statusReport();
  return ids.map((id) => servers.find((s) => s.id === id)!);
}

beforeAll(async () => {
  cluster = await startGaleraCluster(3, "gal");
  // DDL replicates through the cluster (TOI): one CREATE USER serves every member.
  await createUser(cluster.members[0], "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
  for (const [i, m] of cluster.members.entries()) {
    const r = await createServer({ name: `gal-${i + 1}`, host: m.host, port: m.port, user: "monitor", password: "mon-pw" });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.value.server.id);
  }
}, 400_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("Galera cluster (real, 3 members)", () => {
  it("healthy: every member Primary, Synced, size 3, no problem; one group in the graph", async () => {
    const reports = await sweepReport();
    for (const r of reports) {
      expect(r.state).toBe("ok");
      expect(r.problems).toEqual([]);
      expect(r.galera).toMatchObject({ member: true, clusterName: "gal", clusterSize: 3, clusterStatus: "Primary", primary: true, localState: "Synced", ready: true, connected: true, desync: false });
      expect(r.galera.incomingAddresses).toEqual(cluster.members.map((m) => `127.0.0.1:${m.port}`));
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
