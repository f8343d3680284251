// lib/mysql's typed readers against every family's fake over a real connection: the statement each family knows,
// one retry in the other terminology when the version was guessed wrong, and domain types out.
import { afterAll, describe, expect, it } from "vitest";
import { parseServerVersion } from "@/lib/domain/dialect";
import { readGrants } from "@/lib/mysql/accounts";
import { type TimedConnection, withConnection } from "@/lib/mysql/connection";
import { listBinaryLogs, readChannels, readGtidPosition, readSourceStatus, readVariables } from "@/lib/mysql/replication";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";
import { healthyReplica, twoChannels } from "./scenarios";

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

const GRANTS = { match: /^SHOW GRANTS$/, columns: ["Grants for mon@%"], rows: [{ "Grants for mon@%": "GRANT REPLICATION CLIENT, REPLICATION SLAVE ADMIN ON *.* TO `mon`@`%`" }] };
const LOGS = (mysql: boolean) => ({
  match: /^SHOW BINARY LOGS$/,
  columns: mysql ? ["Log_name", "File_size", "Encrypted"] : ["Log_name", "File_size"],
  rows: [{ Log_name: "binlog.000006", File_size: 1200, Encrypted: "No" }, { Log_name: "binlog.000007", File_size: 4242, Encrypted: "No" }],
});

async function on<T>(version: string, scenario: FakeScenario, fn: (c: TimedConnection, fake: FakeServer) => Promise<T>): Promise<T> {
  const fake = await startFake({ version, scenario: { ...scenario, extra: [GRANTS, LOGS(!/mariadb/i.test(version))] } });
  fakes.push(fake);
  return withConnection({ host: "127.0.0.1", port: fake.port, user: "mon", password: "p", tlsMode: "disabled" }, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => fn(c, fake));
}

describe.each(["5.7.44-log", "8.0.21", "8.0.36", "8.4.3", "9.1.0", "10.4.34-MariaDB-log", "10.11.6-MariaDB"])("%s", (version) => {
  const v = parseServerVersion(version)!;
  it("reads channels, coordinates, GTID position, binary logs, grants and variables into domain types, each in one statement", async () => {
    await on(version, { ...twoChannels, binlog: healthyReplica.binlog }, async (c, fake) => {
      expect((await readChannels(c, v)).map((ch) => [ch.channel, ch.sourceHost, ch.secondsBehind])).toEqual([["source_a", "10.0.0.1", 0], ["source_b", "10.0.0.2", 75]]);
      expect(await readSourceStatus(c, v)).toMatchObject({ file: "binlog.000007", position: 4242 });
      expect(await readGtidPosition(c, v)).toBe(v.flavor === "mariadb" ? "0-1-5" : "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
      expect(await listBinaryLogs(c)).toEqual([{ name: "binlog.000006", size: 1200 }, { name: "binlog.000007", size: 4242 }]);
      expect(await readGrants(c)).toEqual(["GRANT REPLICATION CLIENT, REPLICATION SLAVE ADMIN ON *.* TO `mon`@`%`"]);
      expect([...(await readVariables(c, ["read_only", "no_such_variable"]))]).toEqual([["read_only", "1"]]);
      expect(fake.queries.filter((q) => !/^SELECT VERSION|^SET /i.test(q))).toHaveLength(6);
    });
  });
});

describe("the other terminology, tried once", () => {
  it("a MySQL 8.4 server believed to be 8.0.21 is read with SHOW REPLICA STATUS and SHOW BINARY LOG STATUS after the 1064s", async () => {
    await on("8.4.3", healthyReplica, async (c, fake) => {
      const believed = parseServerVersion("8.0.21")!;
      expect(await readChannels(c, believed)).toHaveLength(1);
      expect(await readSourceStatus(c, believed)).toMatchObject({ file: "binlog.000007", position: 4242 });
      expect(fake.queries.slice(-4)).toEqual(["SHOW SLAVE STATUS", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "SHOW BINARY LOG STATUS"]);
    });
  });
  it("a MariaDB 10.4 believed to be 10.11 is read with SHOW ALL SLAVES STATUS and SHOW MASTER STATUS", async () => {
    await on("10.4.34-MariaDB-log", { ...twoChannels, binlog: healthyReplica.binlog }, async (c, fake) => {
      const believed = parseServerVersion("10.11.6-MariaDB")!;
      expect(await readChannels(c, believed)).toHaveLength(2);
      expect(await readSourceStatus(c, believed)).toMatchObject({ file: "binlog.000007" });
      expect(fake.queries.slice(-4)).toEqual(["SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS", "SHOW BINLOG STATUS", "SHOW MASTER STATUS"]);
    });
  });
});
