// Replication operations against protocol-level MySQL fakes (5.7 → 9.x): each family gets its own statements, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FakeServer, startFake } from "./mysql-fake";
import { startMysqlTrio } from "./cluster-sim";
import { brokenReplica, healthyReplica } from "./scenarios";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-fake-ops-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("@/lib/services/servers");
const { previewOperation, runOperation } = await import("@/lib/services/operations");

const UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
const SETS = { match: /^(SET |BEGIN|COMMIT)/, ok: true as const };
const fakes: FakeServer[] = [];
const trios: (() => Promise<void>)[] = [];
afterAll(() => Promise.all([...fakes.map((f) => f.close()), ...trios.map((close) => close())]));

async function fake(version: string, scenario: typeof healthyReplica) {
  const f = await startFake({ version, scenario: { ...scenario, extra: [SETS] } });
  fakes.push(f);
  const r = await createServer({ name: `fake-${version}-${f.port}`, host: "127.0.0.1", port: f.port, user: "root", password: "pw" });
  if (!r.ok) throw new Error(r.error);
  return { f, id: r.value.server.id };
}

const STOP = { "5.7.44-log": "STOP SLAVE", "8.0.20": "STOP SLAVE", "8.0.36": "STOP REPLICA", "8.4.3": "STOP REPLICA", "9.1.0": "STOP REPLICA" };

describe.each(Object.entries(STOP))("MySQL %s", (version, stop) => {
  it("skips the failing GTID with an empty transaction, in this version's words", async () => {
    const broken = {
      ...brokenReplica,
      channels: [{ ...brokenReplica.channels[0], Auto_Position: 1, Retrieved_Gtid_Set: `${UUID}:1-10`, Executed_Gtid_Set: `${UUID}:1-7`, Source_UUID: UUID, Master_UUID: UUID } as (typeof brokenReplica.channels)[0]],
      variables: { ...brokenReplica.variables, gtid_mode: "ON", slave_parallel_workers: 0, replica_parallel_workers: 0 },
    };
    const { f, id } = await fake(version, broken);
    const p = await previewOperation(id, { kind: "skip" });
    const start = stop.replace("STOP", "START");
    const expected = [stop, `SET GTID_NEXT = '${UUID}:8'`, "BEGIN", "COMMIT", "SET GTID_NEXT = 'AUTOMATIC'", start];
    expect(p.ok && p.value.plan.statements).toEqual(expected);
    const r = await runOperation(id, { kind: "skip" }, { serverName: p.ok ? p.value.serverName : "", statements: expected }, { actor: "t", address: null });
    expect(r.ok && r.value.ran).toEqual(expected);
    expect(r.ok && r.value.settled).toBe(false);
    expect(f.queries.filter((q) => expected.includes(q))).toEqual(expected);
  });

  it("stops replication and clears read_only (super_read_only first where it exists)", async () => {
    const { f, id } = await fake(version, healthyReplica);
    const stopPlan = await previewOperation(id, { kind: "stop", threads: "both" });
    expect(stopPlan.ok && stopPlan.value.plan.statements).toEqual([stop]);
    const ro = await previewOperation(id, { kind: "read_only", on: false });
    expect(ro.ok && ro.value.plan.statements).toEqual(["SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(await previewOperation(id, { kind: "read_only", on: true })).toMatchObject({ ok: false, error: expect.stringMatching(/already read-only/) });
    const running = runOperation(id, { kind: "stop", threads: "both" }, { serverName: stopPlan.ok ? stopPlan.value.serverName : "", statements: [stop] }, { actor: "t", address: null });
    await expect.poll(() => f.queries.includes(stop)).toBe(true);
    f.setScenario({ ...healthyReplica, channels: [{ ...healthyReplica.channels[0], IO: "No", SQL: "No" }], extra: [SETS] });
    const r = await running;
    expect(r.ok && r.value).toMatchObject({ ran: [stop], settled: true, after: expect.stringMatching(/IO stopped, SQL stopped/) });
  });
});

describe.each(["5.7.44-log", "8.4.3"])("MySQL %s repoint", (version) => {
  it("moves a replica of a replica up to the top source by GTID auto-positioning", async () => {
    const { servers, close } = await startMysqlTrio(version, 2, "chain");
    trios.push(close);
    const ids: string[] = [];
    for (const [i, s] of servers.entries()) {
      const r = await createServer({ name: `chain-${version}-${i}`, host: "127.0.0.1", port: s.fake.port, user: "root", password: "pw", cluster: `chain-${version}` });
      if (!r.ok) throw new Error(r.error);
      ids.push(r.value.server.id);
    }
    const op = { kind: "repoint" as const, targetId: ids[0] };
    const p = await previewOperation(ids[2], op);
    const words = version.startsWith("5.7") ? ["STOP SLAVE", "CHANGE MASTER TO MASTER_HOST", "MASTER_AUTO_POSITION=1"] : ["STOP REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_HOST", "SOURCE_AUTO_POSITION=1"];
    expect(p.ok && p.value.plan.statements[1]).toMatch(new RegExp(`^${words[1]}='127\\.0\\.0\\.1', \\w+_PORT=${servers[0].fake.port}, ${words[2]}$`));
    const r = await runOperation(ids[2], op, { serverName: `chain-${version}-2`, statements: p.ok ? p.value.plan.statements : [] }, { actor: "t", address: null });
    expect(r.ok && r.value.settled).toBe(true);
    expect(servers[2].channel).toMatchObject({ port: servers[0].fake.port, io: "Yes", sql: "Yes" });
    expect(servers[2].fake.queries).toContain(words[0]);
  });
});

