// The dialect layer alone against every family's fake over real mysql2: statements, 1064 fallback, one normalised shape.
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { dialectFor, sourceOption, type Dialect } from "@/lib/domain/dialect";
import { queryDialect } from "@/lib/mysql/query";
import { classifyChannel, DEFAULT_THRESHOLDS } from "@/lib/domain/health";
import { type ChannelStatus, normaliseReplicaRows } from "@/lib/domain/replica-status";
import { normaliseFacts, normaliseReplicaHosts, normaliseSourceStatus } from "@/lib/domain/server-facts";
import { parseServerVersion, type ServerVersion } from "@/lib/domain/dialect";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";
import { applierStopped, delayedReplica, healthyReplica, sourceDown, twoChannels } from "./scenarios";

type Rows = Record<string, unknown>[];
const open: { fake: FakeServer; conn: mysql.Connection }[] = [];
afterAll(async () => {
  for (const o of open) await o.conn.end();
  await Promise.all(open.map((o) => o.fake.close()));
});

async function connect(version: string, scenario: FakeScenario) {
  const fake = await startFake({ version, scenario });
  const conn = await mysql.createConnection({ host: "127.0.0.1", port: fake.port, user: "u", password: "p" });
  open.push({ fake, conn });
  return { fake, conn, v: parseServerVersion(version)! };
}

/** Runs the statement of the dialect for the version we believe; on 1064 retries once with the fallback (lib/mysql's queryDialect). */
const run = (conn: mysql.Connection, believed: ServerVersion, pick: (d: Dialect) => string): Promise<Rows> =>
  queryDialect({ query: async <T>(sql: string) => (await conn.query(sql))[0] as T }, believed, pick);

const COMMON: (keyof ChannelStatus)[] = ["channel", "sourceHost", "sourcePort", "ioThread", "sqlThread", "secondsBehind", "sqlDelay", "sqlRemainingDelay", "applierState", "lastIoErrno", "lastSqlErrno", "lastSqlError", "filters"];
const common = (c: ChannelStatus) => Object.fromEntries(COMMON.map((k) => [k, c[k]]));

const FAMILIES = ["5.7.44-log", "8.0.21", "8.0.36", "8.3.0", "8.4.3", "9.1.0", "10.4.34-MariaDB-log", "10.11.6-MariaDB", "11.8.1-MariaDB"];

describe.each(FAMILIES)("%s", (version) => {
  it("answers every read statement of its dialect first time, into the common shape", async () => {
    const { fake, conn, v } = await connect(version, { ...delayedReplica, binlog: healthyReplica.binlog });
    const d = dialectFor(v);
    const channels = normaliseReplicaRows((await conn.query(d.replicaStatus))[0] as Rows);
    const [facts] = (await conn.query(d.factsQuery))[0] as Rows;
    const semi = (await conn.query(d.semiSyncQuery))[0] as Rows;
    const source = normaliseSourceStatus((await conn.query(d.sourceStatus))[0] as Rows);
    normaliseReplicaHosts((await conn.query(d.replicaHosts))[0] as Rows);
    expect(fake.queries).toEqual([d.replicaStatus, d.factsQuery, d.semiSyncQuery, d.sourceStatus, d.replicaHosts]);
    expect(channels.map(common)).toEqual([{
      channel: "", sourceHost: "10.0.0.1", sourcePort: 3306, ioThread: "running", sqlThread: "running", secondsBehind: 14, sqlDelay: 30, sqlRemainingDelay: 16,
      applierState: "Waiting until SOURCE_DELAY seconds after source executed event", lastIoErrno: 0, lastSqlErrno: 0, lastSqlError: "", filters: [],
    }]);
    expect(normaliseFacts(facts, semi)).toMatchObject({ serverId: 12, readOnly: true, logBin: true, binlogFormat: "ROW", autoIncrementIncrement: 1 });
    expect(source).toMatchObject({ file: "binlog.000007", position: 4242 });
    expect(classifyChannel(channels[0], DEFAULT_THRESHOLDS, 100, null, null).state).toBe("ok");
  });

  it("parses the dialect's replica control statements", async () => {
    const { conn, v } = await connect(version, healthyReplica);
    const d = dialectFor(v);
    const change = `${d.changeSource} ${sourceOption(d, "HOST")}='10.0.0.9', ${sourceOption(d, "PORT")}=3306, ${sourceOption(d, "USER")}='repl'`;
    for (const sql of [d.stopReplica, d.resetReplicaAll, change, d.startReplica]) await expect(conn.query(sql)).resolves.toBeDefined();
  });

  it("reads a stopped applier, a down source and a broken channel honestly", async () => {
    const { fake, conn, v } = await connect(version, applierStopped);
    const read = async () => normaliseReplicaRows(await run(conn, v, (d) => d.replicaStatus))[0];
    const stopped = classifyChannel(await read(), DEFAULT_THRESHOLDS, 100, null, null);
    expect(stopped).toMatchObject({ state: "stopped", lagSeconds: null });
    fake.setScenario(sourceDown);
    const down = await read();
    expect(down).toMatchObject({ ioThread: "connecting", lastIoErrno: 2003, secondsBehind: null });
    expect(classifyChannel(down, DEFAULT_THRESHOLDS, 130, null, { lagSeconds: 2, at: 100 })).toMatchObject({ state: "connecting", lagSeconds: 32, lagSource: "estimated" });
  });

  it("keeps one entry per channel / named connection", async () => {
    const { conn, v } = await connect(version, twoChannels);
    const channels = normaliseReplicaRows(await run(conn, v, (d) => d.replicaStatus));
    expect(channels.map((c) => [c.channel, c.sourceHost, c.secondsBehind])).toEqual([["source_a", "10.0.0.1", 0], ["source_b", "10.0.0.2", 75]]);
  });
});

describe("terminology fallbacks", () => {
  it("8.4 answers SHOW SLAVE STATUS with 1064; from a wrong 8.0.21 guess every statement falls back and works", async () => {
    const { fake, conn } = await connect("8.4.3", healthyReplica);
    await expect(conn.query("SHOW SLAVE STATUS")).rejects.toMatchObject({ errno: 1064 });
    const wrongGuess = parseServerVersion("8.0.21")!;
    const picks: ((d: Dialect) => string)[] = [(d) => d.replicaStatus, (d) => d.sourceStatus, (d) => d.replicaHosts, (d) => d.startReplica, (d) => `${d.changeSource} ${sourceOption(d, "PORT")}=3306`];
    for (const pick of picks) await run(conn, wrongGuess, pick);
    expect(fake.queries.slice(1).filter((_, i) => i % 2 === 1)).toEqual(["SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "SHOW REPLICAS", "START REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_PORT=3306"]);
  });

  it("8.0.22–8.3 answer SHOW SLAVE STATUS with the old names, read into the same channel", async () => {
    const { conn } = await connect("8.0.36", healthyReplica);
    const [old] = (await conn.query("SHOW SLAVE STATUS"))[0] as Rows;
    const [neu] = (await conn.query("SHOW REPLICA STATUS"))[0] as Rows;
    expect(Object.keys(old)).toContain("Seconds_Behind_Master");
    expect(normaliseReplicaRows([old])).toEqual(normaliseReplicaRows([neu]));
  });

  it("MariaDB 10.4 rejects the REPLICA forms; a wrong 10.11 guess falls back to SHOW ALL SLAVES STATUS", async () => {
    const { fake, conn } = await connect("10.4.34-MariaDB-log", twoChannels);
    await expect(conn.query("SHOW REPLICA STATUS")).rejects.toMatchObject({ errno: 1064 });
    const rows = await run(conn, parseServerVersion("10.11.6-MariaDB")!, (d) => d.replicaStatus);
    expect(fake.queries.slice(-2)).toEqual(["SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS"]);
    expect(rows).toHaveLength(2);
  });

  it("a facts query for the wrong family fails with 1193 Unknown system variable", async () => {
    const { conn } = await connect("10.11.6-MariaDB", healthyReplica);
    await expect(conn.query(dialectFor(parseServerVersion("8.0.36")!).factsQuery)).rejects.toMatchObject({ errno: 1193 });
    const { conn: old } = await connect("8.0.25", healthyReplica);
    await expect(old.query("SELECT @@log_replica_updates")).rejects.toMatchObject({ errno: 1193 });
    const [[row]] = (await old.query("SELECT @@GLOBAL.server_id, @@log_slave_updates AS lsu")) as unknown as [Rows];
    expect(row).toEqual({ "@@GLOBAL.server_id": 12, lsu: 1 });
  });
});
