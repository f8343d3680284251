// Semi-sync through protocol-level fakes of every family: the family's plugin names are asked for and read.
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/health";
import { reshapePoll } from "@/lib/domain/poll";
import { findProblems } from "@/lib/domain/problems";
import { evaluateServer } from "@/lib/domain/server-status";
import { parseServerVersion } from "@/lib/domain/dialect";
import { withConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";
import { healthyReplica } from "./scenarios";
import { semiSyncPlugins, type SemiSyncState } from "./semi-sync";

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function poll(version: string, scenario: FakeScenario) {
  const fake = await startFake({ version, scenario });
  fakes.push(fake);
  const target = { host: "127.0.0.1", port: fake.port, user: "u", password: "p", tlsMode: "disabled" as const };
  const raw = await withConnection(target, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => readStatus(c, parseServerVersion(version), []));
  return { fake, status: evaluateServer(reshapePoll(raw), DEFAULT_THRESHOLDS, 1000, null) };
}

const source = (version: string, st: SemiSyncState): FakeScenario => ({ ...healthyReplica, channels: [], semiSync: undefined, ...semiSyncPlugins(version, st) });
const replica = (version: string, st: SemiSyncState): FakeScenario => ({ ...healthyReplica, semiSync: undefined, ...semiSyncPlugins(version, st) });

const FAMILIES = [
  ["MySQL 5.7 (master/slave plugins)", "5.7.44-log", "old", "Rpl_semi_sync_master_status"],
  ["MySQL 8.0 < 8.0.26 (master/slave plugins)", "8.0.25", "old", "Rpl_semi_sync_master_status"],
  ["MySQL 8.0.26+ with the old plugins", "8.0.36", "old", "Rpl_semi_sync_master_status"],
  ["MySQL 8.0.26+ (source/replica plugins)", "8.0.36", "new", "Rpl_semi_sync_source_status"],
  ["MySQL 8.4 (source/replica plugins)", "8.4.3", "new", "Rpl_semi_sync_source_status"],
  ["MySQL 9.x (source/replica plugins)", "9.1.0", "new", "Rpl_semi_sync_source_status"],
  ["MariaDB 10.4 (built in)", "10.4.34-MariaDB-log", "old", "Rpl_semi_sync_master_status"],
  ["MariaDB 10.11 (built in)", "10.11.6-MariaDB", "old", "Rpl_semi_sync_master_status"],
] as const;

describe.each(FAMILIES)("%s", (_name, version, plugin, statusName) => {
  it("reads an active source with its counters from the family's status names", async () => {
    const { fake, status } = await poll(version, source(version, { plugin, source: { enabled: true, active: true, clients: 2, yesTx: 40, noTx: 1, avgWaitMicros: 700 } }));
    expect(fake.queries.find((q) => q.startsWith("SHOW GLOBAL STATUS"))).toContain(`'${statusName.toLowerCase()}'`);
    expect(status.facts?.semiSync).toEqual({ sourceEnabled: true, sourceActive: true, replicaEnabled: version.includes("MariaDB") ? false : null, replicaActive: version.includes("MariaDB") ? false : null, clients: 2, noTx: 1, yesTx: 40, txAvgWaitMicros: 700 });
  });

  it("reports a source that fell back to async with no replica connected", async () => {
    const { status } = await poll(version, source(version, { plugin, source: { enabled: true, active: false, clients: 0, yesTx: 40, noTx: 5 } }));
    const problems = findProblems([{ id: "s", name: "s", host: "h", port: 1, cluster: null, status }], 1000, 10).get("s")!;
    expect(problems.map((p) => p.code).sort()).toEqual(["SemiSyncDegraded", "SemiSyncNoAckers"]);
  });

  it("reads an acknowledging replica", async () => {
    const { status } = await poll(version, replica(version, { plugin, replica: { enabled: true, active: true } }));
    expect(status.facts?.semiSync).toMatchObject({ replicaEnabled: true, replicaActive: true });
  });

  it("does not read the counters while semi-sync is off on both sides", async () => {
    const { fake, status } = await poll(version, source(version, { plugin, source: { enabled: false, active: false, clients: 0, yesTx: 0, noTx: 0 } }));
    expect(fake.queries.some((q) => q.startsWith("SHOW GLOBAL STATUS"))).toBe(false);
    expect(status.facts?.semiSync).toMatchObject({ sourceEnabled: false, sourceActive: false, clients: null });
  });
});

describe("semi-sync absent", () => {
  it("a MySQL server without the plugins reads as unknown, never as off", async () => {
    const { status } = await poll("8.4.3", { ...healthyReplica, semiSync: undefined });
    expect(status.facts?.semiSync).toMatchObject({ sourceEnabled: null, sourceActive: null, replicaEnabled: null, replicaActive: null });
  });
});
