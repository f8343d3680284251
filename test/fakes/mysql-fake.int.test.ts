// Every MySQL family through protocol-level fakes: statements per dialect, the 1064 fallback, one shape for all.
import { afterAll, describe, expect, it } from "vitest";
import mysql from "mysql2/promise";
import { dialectFor, fallbackDialect, pollPlan } from "@/lib/domain/dialect";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/health";
import { reshapePoll } from "@/lib/domain/poll";
import { evaluateServer } from "@/lib/domain/server-status";
import { parseServerVersion } from "@/lib/domain/dialect";
import { withConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";
import { brokenReplica, healthyReplica, twoChannels } from "./scenarios";

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function poll(version: string, scenario: FakeScenario, knownVersion = true) {
  const fake = await startFake({ version, scenario });
  fakes.push(fake);
  const target = { host: "127.0.0.1", port: fake.port, user: "u", password: "p", tlsMode: "disabled" as const };
  const raw = await withConnection(target, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => readStatus(c, knownVersion ? parseServerVersion(version) : null, []));
  return { fake, raw, status: evaluateServer(reshapePoll(raw), DEFAULT_THRESHOLDS, 1000, null) };
}

const FAMILIES = [
  ["MySQL 5.7", "5.7.44-log", "SHOW SLAVE STATUS"],
  ["MySQL 8.0 < 8.0.22", "8.0.21", "SHOW SLAVE STATUS"],
  ["MySQL 8.0.22–8.3", "8.0.36", "SHOW REPLICA STATUS"],
  ["MySQL 8.3", "8.3.0", "SHOW REPLICA STATUS"],
  ["MySQL 8.4", "8.4.3", "SHOW REPLICA STATUS"],
  ["MySQL 9.x", "9.1.0", "SHOW REPLICA STATUS"],
  ["MariaDB 10.4", "10.4.34-MariaDB-log", "SHOW ALL SLAVES STATUS"],
  ["MariaDB 10.11", "10.11.6-MariaDB", "SHOW ALL REPLICAS STATUS"],
  ["MariaDB 11.4", "11.4.3-MariaDB", "SHOW ALL REPLICAS STATUS"],
] as const;

describe.each(FAMILIES)("%s through a protocol-level fake", (_name, version, statement) => {
  it("reads a healthy replica into the common shape with the family's statement", async () => {
    const { fake, status } = await poll(version, healthyReplica);
    expect(fake.queries).toContain(statement);
    const v = parseServerVersion(version)!;
    expect(fake.queries).not.toContain(fallbackDialect(v, dialectFor(v)).replicaStatus);
    expect(status).toMatchObject({ state: "ok", lagSeconds: 3, lagSource: "seconds_behind" });
    expect(status.channels[0]).toMatchObject({ sourceHost: "10.0.0.1", sourcePort: 3306, ioThread: "running", sqlThread: "running" });
    expect(status.facts).toMatchObject({ serverId: 12, readOnly: true, logBin: true, binlogFormat: "ROW" });
    expect(status.source?.position).toBeGreaterThan(0);
  });

  it("reads a broken replica with its error", async () => {
    const { status } = await poll(version, brokenReplica);
    expect(status.state).toBe("broken");
    expect(status.channels[0]).toMatchObject({ lastSqlErrno: 1062, secondsBehind: null });
  });
});

describe("dialect fallbacks and MySQL specifics", () => {
  it("MySQL 8.4 rejects every SLAVE/MASTER statement with 1064", async () => {
    const fake = await startFake({ version: "8.4.3", scenario: healthyReplica });
    fakes.push(fake);
    const conn = await mysql.createConnection({ host: "127.0.0.1", port: fake.port, user: "u", password: "p" });
    for (const sql of ["SHOW SLAVE STATUS", "SHOW MASTER STATUS", "SHOW SLAVE HOSTS"]) await expect(conn.query(sql)).rejects.toMatchObject({ errno: 1064 });
    await conn.end();
  });

  it("falls back once to the other terminology when the guessed one is a syntax error", async () => {
    const fake = await startFake({ version: "8.4.3", scenario: healthyReplica });
    fakes.push(fake);
    const wrongGuess = parseServerVersion("8.0.21")!;
    const target = { host: "127.0.0.1", port: fake.port, user: "u", password: "p", tlsMode: "disabled" as const };
    const raw = await withConnection(target, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => readStatus(c, wrongGuess, []));
    // The facts SELECT carrying wsrep_on is read first (a non-Primary Galera node refuses other reads); then the terminology fallback.
    expect(fake.queries[0]).toBe(pollPlan(wrongGuess)!.factsQuery);
    expect(fake.queries[0]).toContain("'wsrep_on'");
    expect(fake.queries.slice(1, 3)).toEqual(["SHOW SLAVE STATUS", "SHOW REPLICA STATUS"]);
    expect(reshapePoll(raw)).toMatchObject({ ok: true, channels: [{ secondsBehind: 3 }] });
  });

  it("detects the version itself when the registry does not know it", async () => {
    const { raw, fake } = await poll("8.0.36", healthyReplica, false);
    expect(raw.version).toMatchObject({ flavor: "mysql", major: 8, minor: 0, patch: 36 });
    expect(fake.queries[0]).toMatch(/^SELECT VERSION\(\)/);
  });

  it("a multi-channel MySQL 8.0 replica yields one entry per channel; the worst decides", async () => {
    const { status } = await poll("8.0.36", twoChannels);
    expect(status.channels.map((c) => [c.channel, c.state])).toEqual([["source_a", "ok"], ["source_b", "critical"]]);
    expect(status).toMatchObject({ state: "critical", lagSeconds: 75 });
  });

  it("reads semi-sync state where the plugin variables exist", async () => {
    const { status } = await poll("8.0.36", healthyReplica);
    expect(status.facts?.semiSync).toMatchObject({ sourceEnabled: null, replicaEnabled: true });
  });

  it("a hung fake times out at connect", async () => {
    const fake = await startFake({ version: "8.0.36", scenario: healthyReplica, hang: true });
    fakes.push(fake);
    await expect(mysql.createConnection({ host: "127.0.0.1", port: fake.port, user: "u", password: "p", connectTimeout: 1000 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
  });
});
