// The statements one poll sends per family (facts, wsrep and semi-sync switches and the group check folded into one
// SELECT where the version allows), the same status as statement by statement, and the fallbacks when it is refused.
import { afterAll, describe, expect, it } from "vitest";
import { dialectFor, galeraStatusQuery, galeraVariablesQuery, parseServerVersion, pollPlan } from "@/lib/domain/dialect";
import { reshapePoll } from "@/lib/domain/poll";
import { type TimedConnection, withConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";
import { brokenReplica, healthyReplica } from "./scenarios";

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function on<T>(version: string, scenario: FakeScenario, fn: (c: TimedConnection, fake: FakeServer) => Promise<T>): Promise<T> {
  const fake = await startFake({ version, scenario });
  fakes.push(fake);
  return withConnection({ host: "127.0.0.1", port: fake.port, user: "u", password: "p", tlsMode: "disabled" }, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => fn(c, fake));
}
const pollOnce = (version: string, scenario: FakeScenario) => on(version, scenario, async (c, fake) => ({ raw: await readStatus(c, parseServerVersion(version), []), sent: [...fake.queries] }));

const FOLDED = ["8.0.21", "8.0.36", "8.4.3", "9.1.0", "10.4.34-MariaDB-log", "10.11.6-MariaDB", "11.4.3-MariaDB"];

describe.each(FOLDED)("%s", (version) => {
  const v = parseServerVersion(version)!;
  const d = dialectFor(v);
  const plan = pollPlan(v)!;

  it("reads a semi-sync replica in 4 statements: folded facts, replica status, semi-sync counters, source status", async () => {
    const { sent } = await pollOnce(version, healthyReplica);
    expect(sent).toEqual([plan.factsQuery, d.replicaStatus, d.semiSyncStatusQuery, d.sourceStatus]);
  });

  it("reads a replica without semi-sync or cluster in 3 statements", async () => {
    const { sent } = await pollOnce(version, brokenReplica);
    expect(sent).toEqual([plan.factsQuery, d.replicaStatus, d.sourceStatus]);
  });

  it("loses nothing: the status equals the statement-by-statement read of the same server", async () => {
    const folded = await pollOnce(version, healthyReplica);
    // A server refusing the folded SELECT (no wsrep in this build / performance_schema denied) is read the long way.
    const refused: FakeScenario = { ...healthyReplica, extra: [{ match: /AS wsrep_on/, error: { code: v.flavor === "mariadb" ? 1193 : 1142, message: "refused" } }] };
    const unfolded = await pollOnce(version, refused);
    expect(unfolded.sent).toContain(d.semiSyncQuery);
    expect(unfolded.sent).toContain(galeraVariablesQuery);
    expect(reshapePoll(folded.raw)).toEqual(reshapePoll(unfolded.raw));
    expect(reshapePoll(folded.raw)).toMatchObject({ ok: true, facts: { serverId: 12, semiSync: { replicaEnabled: true } }, galera: null, group: null });
  });
});

describe("servers read statement by statement", () => {
  it("MySQL 5.7 (variables table depends on show_compatibility_56) keeps the wsrep and semi-sync SHOWs", async () => {
    const d = dialectFor(parseServerVersion("5.7.44")!);
    const { sent } = await pollOnce("5.7.44-log", healthyReplica);
    expect(pollPlan(parseServerVersion("5.7.44")!)).toBeNull();
    expect(sent).toEqual([galeraVariablesQuery, d.replicaStatus, d.factsQuery, d.semiSyncQuery, d.semiSyncStatusQuery, d.sourceStatus]);
  });

  it("a MariaDB build without wsrep (1193) is read the long way, and on that connection never folded again", async () => {
    const version = "10.11.6-MariaDB";
    const v = parseServerVersion(version)!;
    const d = dialectFor(v);
    await on(version, { ...brokenReplica, without: ["wsrep_on", "wsrep_desync", "wsrep_node_name", "wsrep_cluster_name"] }, async (c, fake) => {
      const first = reshapePoll(await readStatus(c, v, []));
      const long = [galeraVariablesQuery, d.replicaStatus, d.factsQuery, d.semiSyncQuery, d.sourceStatus];
      expect(fake.queries).toEqual([pollPlan(v)!.factsQuery, ...long]);
      fake.queries.length = 0;
      expect(reshapePoll(await readStatus(c, v, []))).toEqual(first);
      expect(fake.queries).toEqual(long);
      expect(first).toMatchObject({ ok: true, channels: [{ lastSqlErrno: 1062 }], facts: { semiSync: { sourceEnabled: false, replicaEnabled: false } } });
    });
  });

  it("a Galera node refusing the SELECT (1047, not ready) is read the long way with dirty reads, and tried folded again next poll", async () => {
    const version = "10.11.6-MariaDB";
    const v = parseServerVersion(version)!;
    const scenario: FakeScenario = {
      ...brokenReplica,
      channels: [],
      variables: { ...brokenReplica.variables, wsrep_on: "ON", wsrep_cluster_name: "galera1", wsrep_node_name: "n3" },
      status: { wsrep_ready: "OFF", wsrep_cluster_status: "non-Primary", wsrep_cluster_size: 1, wsrep_local_state_comment: "Initialized", wsrep_connected: "ON" },
      extra: [{ match: /AS wsrep_on/, error: { code: 1047, message: "WSREP has not yet prepared node for application use" } }],
    };
    await on(version, scenario, async (c, fake) => {
      const raw = await readStatus(c, v, []);
      expect(fake.queries.slice(0, 4)).toEqual([pollPlan(v)!.factsQuery, galeraVariablesQuery, galeraStatusQuery, "SET SESSION wsrep_dirty_reads=ON"]);
      expect(reshapePoll(raw)).toMatchObject({ ok: true, galera: { clusterName: "galera1", nodeName: "n3", primary: false, ready: false, clusterSize: 1 } });
      fake.queries.length = 0;
      await readStatus(c, v, []);
      expect(fake.queries[0]).toBe(pollPlan(v)!.factsQuery);
    });
  });
});

describe("MySQL 8.0 whose variables table is empty", () => {
  it("is read the long way (its NULLs would hide semi-sync and wsrep), and on that connection never folded again", async () => {
    const v = parseServerVersion("8.0.36")!;
    const d = dialectFor(v);
    await on("8.0.36", { ...healthyReplica, variablesTableEmpty: true }, async (c, fake) => {
      const raw = await readStatus(c, v, []);
      expect(fake.queries.slice(0, 2)).toEqual([pollPlan(v)!.factsQuery, galeraVariablesQuery]);
      expect(fake.queries).toContain(d.semiSyncQuery);
      expect(reshapePoll(raw)).toMatchObject({ facts: { semiSync: { replicaEnabled: true } } });
      fake.queries.length = 0;
      await readStatus(c, v, []);
      expect(fake.queries[0]).toBe(galeraVariablesQuery);
    });
  });
});

describe("clusters on MySQL", () => {
  it("Percona XtraDB Cluster (wsrep_on in the folded SELECT) reads its wsrep variables and status, plain MySQL never", async () => {
    const v = parseServerVersion("8.0.36")!;
    const d = dialectFor(v);
    const pxc: FakeScenario = {
      ...brokenReplica,
      pluginVariables: { wsrep_on: "ON", wsrep_desync: "OFF", wsrep_node_name: "pxc-2", wsrep_cluster_name: "pxc" },
      status: { wsrep_ready: "ON", wsrep_cluster_status: "Primary", wsrep_cluster_size: 3, wsrep_local_state_comment: "Synced", wsrep_connected: "ON" },
    };
    const { raw, sent } = await pollOnce("8.0.36", pxc);
    expect(sent).toEqual([pollPlan(v)!.factsQuery, galeraVariablesQuery, galeraStatusQuery, d.replicaStatus, d.sourceStatus]);
    expect(reshapePoll(raw)).toMatchObject({ galera: { clusterName: "pxc", nodeName: "pxc-2", primary: true, clusterSize: 3, localState: "Synced" } });
    const plain = await pollOnce("8.0.36", brokenReplica);
    expect(plain.sent.filter((q) => /wsrep/.test(q))).toEqual([pollPlan(v)!.factsQuery]);
  });
});
