// A real two-member Galera cluster split in half (one member frozen): the survivor has no quorum → GaleraNonPrimary.
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

let cluster: GaleraCluster;
const ids: string[] = [];

beforeAll(async () => {
  cluster = await startGaleraCluster(2, "pair");
  await createUser(cluster.members[0], "monitor", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
  for (const [i, m] of cluster.members.entries()) {
    const r = await createServer({ name: `pair-${i + 1}`, host: m.host, port: m.port, user: "monitor", password: "mon-pw" });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.value.server.id);
  }
}, 400_000);

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("Galera two-member split (real)", () => {
  it("the member left alone is non-Primary: GaleraNonPrimary (critical), still read through dirty reads", async () => {
    await monitor().sweep();
    expect((await statusReport()).servers.every((s) => s.problems.length === 0 && s.galera.clusterSize === 2)).toBe(true);
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
});
