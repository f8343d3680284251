// CHANGE MASTER / CHANGE REPLICATION SOURCE per dialect: options, positions, public key, TLS, escaping.
import { describe, expect, it } from "vitest";
import { changeSourceStatement } from "./change-source";
import { parseServerVersion } from "./version";

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


describe("changeSourceStatement, one builder for every caller", () => {
  it("keeps the stored credentials when none are given (repoint, switchover followers)", () => {
    expect(changeSourceStatement(v("8.4.3"), { host: "db2", port: 3307, start: { kind: "file", file: "binlog.000002", position: 900 } })).toBe(
      "CHANGE REPLICATION SOURCE TO SOURCE_HOST='db2', SOURCE_PORT=3307, SOURCE_LOG_FILE='binlog.000002', SOURCE_LOG_POS=900",
    );
    expect(changeSourceStatement(v("10.11.6-MariaDB"), { host: "db2", port: 3307, start: { kind: "gtid" } })).toBe("CHANGE MASTER TO MASTER_HOST='db2', MASTER_PORT=3307, MASTER_USE_GTID=slave_pos");
  });
  it("asks for the source's public key only where the replica knows the option (MySQL 8+, never MariaDB)", () => {
    for (const ver of ["5.7.44", "10.11.6-MariaDB"]) expect(changeSourceStatement(v(ver), { ...base, start: { kind: "gtid" }, getPublicKey: true })).not.toMatch(/PUBLIC_KEY/);
    expect(changeSourceStatement(v("8.0.22"), { ...base, start: { kind: "gtid" }, getPublicKey: true })).toMatch(/MASTER_AUTO_POSITION=1, GET_MASTER_PUBLIC_KEY=1$/);
  });
  it("turns TLS on in the dialect's spelling", () => {
    expect(changeSourceStatement(v("8.4.3"), { ...base, start: { kind: "gtid" }, tls: true })).toMatch(/SOURCE_AUTO_POSITION=1, SOURCE_SSL=1$/);
    expect(changeSourceStatement(v("10.11.6-MariaDB"), { ...base, start: { kind: "gtid" }, tls: true })).toMatch(/MASTER_USE_GTID=slave_pos, MASTER_SSL=1$/);
  });
});
