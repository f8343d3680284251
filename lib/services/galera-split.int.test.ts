// Real Galera splits: a two-member cluster split in half (one member frozen): the survivor has no quorum →
// GaleraNonPrimary; two single-node clusters bootstrapped apart but registered as one cluster → GaleraSplitView.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type GaleraCluster, startGaleraCluster, teardownAll, waitForWsrep } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-galera-split-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
process.env.REPLSCOPE_QUERY_TIMEOUT_MS = "1500";
const { createServer } = await import("./servers");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { topologyReport } = await import("./topology");

let cluster: GaleraCluster;
let apart: GaleraCluster[];
const ids: string[] = [];
const apartIds: string[] = [];

beforeAll(async () => {
  cluster = await startGaleraCluster(2, "pair");
  await createUser(cluster.members[0], "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
  for (const [i, m] of cluster.members.entries()) {
    const r = await createServer({ name: `pair-${i + 1}`, host: m.host, port: m.port, user: "monitor", password: "mon-pw" });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.value.server.id);
  }
  // Same wsrep_cluster_name, each bootstrapped on its own: two histories (different wsrep_cluster_state_uuid).
  apart = [await startGaleraCluster(1, "split"), await startGaleraCluster(1, "split")];
  for (const [i, c] of apart.entries()) {
    await createUser(c.members[0], "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
    const r = await createServer({ name: `split-${i + 1}`, host: c.members[0].host, port: c.members[0].port, user: "monitor", password: "mon-pw", cluster: "split" });
    if (!r.ok) throw new Error(r.error);
    apartIds.push(r.value.server.id);
  }
}, 400_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("Galera two-member split (real)", () => {
  it("the member left alone is non-Primary: GaleraNonPrimary (critical), still read through dirty reads", async () => {
    await monitor().sweep();
    const pair = (await statusReport()).servers.filter((s) => ids.includes(s.id));
    expect(pair.map((s) => [s.problems.length, s.galera.clusterSize])).toEqual([[0, 2], [0, 2]]);
    const [alone, frozen] = cluster.members;
    await frozen.pause();
    try {
      await waitForWsrep(alone, (s) => s.wsrep_cluster_status === "non-Primary", 60_000);
      await monitor().sweep();
      const { servers } = await statusReport();
      const a = servers.find((s) => s.id === ids[0])!;
      expect(a.galera).toMatchObject({ member: true, primary: false, clusterStatus: "non-Primary", ready: false, clusterSize: 1 });
      expect(a.problems.map((p) => p.code)).toEqual(["GaleraNonPrimary"]);
      expect(a.problems[0].severity).toBe("critical");
      expect(servers.find((s) => s.id === ids[1])!.state).toBe("unreachable");
    } finally {
      await frozen.resume();
    }
  });

  it("two members with different cluster state UUIDs in one registered cluster: GaleraSplitView on both, one box", async () => {
    await monitor().sweep();
    const { servers } = await statusReport();
    const split = apartIds.map((id) => servers.find((s) => s.id === id)!);
    const uuids = split.map((s) => s.galera.stateUuid);
    expect(uuids[0]).not.toBe(uuids[1]);
    for (const s of split) {
      expect(s.galera).toMatchObject({ member: true, clusterName: "split", primary: true, clusterSize: 1 });
      const p = s.problems.find((x) => x.code === "GaleraSplitView")!;
      expect(p.severity).toBe("critical");
      expect(p.message).toContain(uuids[0]!);
      expect(p.message).toContain(uuids[1]!);
    }
    const { clusters } = await topologyReport();
    const box = clusters.flatMap((c) => c.groups).find((g) => g.kind === "galera" && g.name === "split")!;
    expect(box.members).toEqual(apart.map((c) => `127.0.0.1:${c.members[0].port}`).sort());
  });
});
