// Discovery on real sandboxes: from one replica, the crawl finds its chain, a master-master partner and a dead replica.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandboxes, teardownAll, waitForCaughtUp, wireMasterMaster, wireReplication } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-discovery-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("./servers");
const { crawl, registerDiscovered } = await import("./discovery");
const { monitor } = await import("./monitor");
const { topologyReport } = await import("./topology");

const PASSWORD = `disc'o\\very`;
let S: Sandbox, M2: Sandbox, R1: Sandbox, R2: Sandbox, dead: Sandbox;
let seedId: string;
const key = (sb: Sandbox) => `${sb.host}:${sb.port}`;

beforeAll(async () => {
  [S, M2, R1, R2, dead] = await startSandboxes(5);
  await createUser(S, "disc", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "REPLICATION MASTER ADMIN"]);
  await wireMasterMaster(S, M2);
  await wireReplication(S, R1);
  await wireReplication(R1, R2);
  await wireReplication(S, dead);
  await waitForCaughtUp(S, R2);
  await dead.kill9();
  const r = await createServer({ name: "seed-r2", host: R2.host, port: R2.port, user: "disc", password: PASSWORD, cluster: "disc" });
  if (!r.ok) throw new Error(r.error);
  seedId = r.value.server.id;
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("discovery crawl", () => {
  it("finds every server from one seed, says how, and why the dead one could not be read", async () => {
    const r = await crawl(seedId);
    if (!r.ok) throw new Error(r.error);
    const byKey = new Map(r.value.servers.map((d) => [`${d.host}:${d.port}`, d]));
    for (const sb of [S, M2, R1, R2]) expect(byKey.get(key(sb))?.reachable).toBe(true);
    expect(byKey.get(key(R2))).toMatchObject({ depth: 0, registeredAs: "seed-r2" });
    expect(byKey.get(key(R1))!.foundVia).toContain(`source of ${key(R2)}`);
    expect(byKey.get(key(M2))!.foundVia.join(" ")).toMatch(/source of|listed by/);
    expect(byKey.get(key(dead))).toMatchObject({ reachable: false, reason: expect.stringMatching(/refused/i) });
    expect(byKey.get(key(dead))!.foundVia.join(" ")).toMatch(new RegExp(`listed by ${key(S)}`));
  });

  it("registers the chosen servers with the seed's credentials; the graph has the right edges and roles", async () => {
    const results = await registerDiscovered(seedId, [
      { name: "disc-s", host: S.host, port: S.port },
      { name: "disc-m2", host: M2.host, port: M2.port },
      { name: "disc-r1", host: R1.host, port: R1.port },
    ]);
    expect(results.map((x) => x.ok && x.status)).toEqual(["ok", "ok", "ok"]);
    await monitor().sweep();
    const { clusters } = await topologyReport();
    expect(clusters).toHaveLength(1);
    const c = clusters[0];
    const name = (id: string) => c.nodes.find((n) => n.id === id)!.name;
    expect(c.edges.map((e) => `${name(e.from)}->${name(e.to)}`).sort()).toEqual(["disc-m2->disc-s", "disc-r1->seed-r2", "disc-s->disc-m2", "disc-s->disc-r1"]);
    expect(Object.fromEntries(c.nodes.map((n) => [n.name, n.role]))).toEqual({ "disc-s": "co-source", "disc-m2": "co-source", "disc-r1": "relay", "seed-r2": "replica" });
  });
});
