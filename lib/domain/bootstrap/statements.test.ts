import { describe, expect, it } from "vitest";
import { parseServerVersion } from "../server-version";
import { changeSourceStatement, maskSecrets, replicationUserStatements, resetReplicaStatements, startReplicaStatement } from "./statements";

const v = (s: string) => parseServerVersion(s)!;
const TRICKY = `p'a"s\\s ü`;
const base = { host: "db1", port: 3306, user: "repl", password: TRICKY };

describe("changeSourceStatement", () => {
  it("uses CHANGE MASTER with MASTER_* options on MariaDB and MySQL before 8.0.23", () => {
    for (const ver of ["10.11.6-MariaDB", "8.0.22", "5.7.44"]) {
      const sql = changeSourceStatement(v(ver), { ...base, start: { kind: "file", file: "mysql-bin.000003", position: 1234 } });
      expect(sql).toBe(`CHANGE MASTER TO MASTER_HOST='db1', MASTER_PORT=3306, MASTER_USER='repl', MASTER_PASSWORD='p\\'a\\"s\\\\s ü', MASTER_LOG_FILE='mysql-bin.000003', MASTER_LOG_POS=1234`);
    }
  });
  it("uses CHANGE REPLICATION SOURCE with SOURCE_* options from MySQL 8.0.23 (8.4 removed the old ones)", () => {
    const sql = changeSourceStatement(v("8.4.3"), { ...base, start: { kind: "gtid" }, getPublicKey: true });
    expect(sql).toMatch(/^CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_PORT=3306, .*SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1$/);
    expect(sql).not.toMatch(/MASTER_/);
  });
  it("uses MASTER_USE_GTID=slave_pos for GTID on MariaDB", () => {
    expect(changeSourceStatement(v("10.6.1-MariaDB"), { ...base, start: { kind: "gtid" } })).toMatch(/MASTER_USE_GTID=slave_pos$/);
  });
  it("escapes a host that tries to inject", () => {
    const sql = changeSourceStatement(v("10.11.1-MariaDB"), { ...base, host: "x', MASTER_PORT=1 -- ", start: { kind: "file", file: "f", position: 4 } });
    expect(sql).toContain(`MASTER_HOST='x\\', MASTER_PORT=1 -- '`);
  });
});

describe("GTID statements", () => {
  it("stops at a GTID position in each dialect and resets GTID state per version", async () => {
    const m = await import("./statements");
    expect(m.startUntilGtidStatement(v("10.11.6-MariaDB"), "0-1-42")).toBe("START REPLICA UNTIL master_gtid_pos = '0-1-42'");
    expect(m.startUntilGtidStatement(v("8.0.36"), "u:1-5")).toBe("START REPLICA SQL_THREAD UNTIL SQL_AFTER_GTIDS = 'u:1-5'");
    expect(m.resetGtidStateStatement(v("8.4.3"))).toBe("RESET BINARY LOGS AND GTIDS");
    expect(m.resetGtidStateStatement(v("8.0.36"))).toBe("RESET MASTER");
    expect(m.binlogGtidPosQuery("mysql-bin.000001", 42)).toBe("SELECT BINLOG_GTID_POS('mysql-bin.000001', 42) AS gtid");
  });
});

describe("other statements", () => {
  it("starts and resets in the right terminology", () => {
    expect(startReplicaStatement(v("8.0.21"))).toBe("START SLAVE");
    expect(startReplicaStatement(v("8.4.0"))).toBe("START REPLICA");
    expect(startReplicaStatement(v("10.4.1-MariaDB"))).toBe("START SLAVE");
    expect(resetReplicaStatements(v("9.1.0"))).toEqual(["STOP REPLICA", "RESET REPLICA ALL"]);
  });
  it("creates the replication user with REPLICATION SLAVE only, escaped", () => {
    expect(replicationUserStatements("repl", "10.0.%", TRICKY)).toEqual([
      `CREATE USER 'repl'@'10.0.%' IDENTIFIED BY 'p\\'a\\"s\\\\s ü'`,
      `GRANT REPLICATION SLAVE ON *.* TO 'repl'@'10.0.%'`,
    ]);
  });
  it("masks passwords in statements", () => {
    const [create] = replicationUserStatements("repl", "%", TRICKY);
    expect(maskSecrets(create, [TRICKY])).toBe(`CREATE USER 'repl'@'%' IDENTIFIED BY '*****'`);
  });
});
