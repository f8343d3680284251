import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { normaliseReplicaRows } from "./replica-status";
import { MYSQL_57_SLAVE, MYSQL_80_REPLICA, MYSQL_8X_SLAVE_OLD_NAMES, rowFrom } from "./__fixtures__/mysql-columns";

describe("normaliseReplicaRows on captured MariaDB 10.11 rows", () => {
  it("reads a healthy replica", () => {
    const [c] = normaliseReplicaRows(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G"));
    expect(c).toMatchObject({ channel: "", sourceHost: "127.0.0.1", sourcePort: 23306, ioThread: "running", sqlThread: "running", secondsBehind: 0, sqlDelay: 0, lastSqlErrno: 0 });
    expect(c.relaySourceLogFile).toBe("mysql-bin.000001");
    expect(c.execSourceLogPos).toBeGreaterThan(0);
  });
  it("reads a broken replica with its duplicate-key error", () => {
    const [c] = normaliseReplicaRows(capturedRows("BROKEN by duplicate key] SHOW SLAVE STATUS"));
    expect(c).toMatchObject({ sqlThread: "stopped", ioThread: "running", secondsBehind: null, lastSqlErrno: 1062 });
    expect(c.lastSqlError).toMatch(/Duplicate entry/);
  });
  it("reads a delayed replica: configured delay, remaining delay, the applier waiting", () => {
    const [c] = normaliseReplicaRows(capturedRows("MASTER_DELAY=30] SHOW SLAVE STATUS"));
    expect(c).toMatchObject({ sqlDelay: 30, sqlRemainingDelay: 16, secondsBehind: 14, sqlThread: "running" });
    expect(c.applierState).toMatch(/^Waiting until MASTER_DELAY seconds/);
    expect(c.execSourceLogPos).toBeLessThan(c.readSourceLogPos!);
  });
  it("gives the same channel for SHOW SLAVE STATUS, SHOW REPLICA STATUS and the ALL forms", () => {
    const plain = normaliseReplicaRows(capturedRows("[replica 23307] SHOW SLAVE STATUS\\G"));
    const replica = normaliseReplicaRows(capturedRows("[replica 23307] SHOW REPLICA STATUS\\G"));
    const all = normaliseReplicaRows(capturedRows("[replica 23307] SHOW ALL REPLICAS STATUS\\G"));
    expect(replica).toEqual(plain);
    expect({ ...all[0], gtidSlavePos: "" }).toEqual(plain[0]);
    expect(all[0].gtidSlavePos).toMatch(/^0-1-\d+$/);
  });
  it("reads a replica whose source is down as connecting, lag unknown", () => {
    const [c] = normaliseReplicaRows(capturedRows("while master 23306 is shut down"));
    expect(c).toMatchObject({ ioThread: "connecting", secondsBehind: null, lastIoErrno: 2003 });
  });
});

describe("normaliseReplicaRows on MySQL column lists", () => {
  it("gives the same shape for old and new names", () => {
    const values = { Channel_Name: "", Seconds_Behind: 7, Host: "db1", Port: 3306, IO: "Yes", SQL: "Yes", Auto_Position: 1 };
    const old = normaliseReplicaRows([rowFrom(MYSQL_57_SLAVE, values)])[0];
    const neu = normaliseReplicaRows([rowFrom(MYSQL_80_REPLICA, values)])[0];
    expect(old).toEqual(neu);
    expect(neu).toMatchObject({ sourceHost: "db1", sourcePort: 3306, secondsBehind: 7, usingGtid: true, gtidMode: "auto_position" });
  });
  it("reads 8.0.22–8.3 SHOW SLAVE STATUS (60 old names) like SHOW REPLICA STATUS", () => {
    const values = { Channel_Name: "ch", Seconds_Behind: null, Host: "db1", Port: 3307, IO: "Connecting", SQL: "Yes", Last_IO_Errno: 2003, Last_IO_Error: "can't connect" };
    const old = normaliseReplicaRows([rowFrom(MYSQL_8X_SLAVE_OLD_NAMES, values)])[0];
    expect(MYSQL_8X_SLAVE_OLD_NAMES).toHaveLength(60);
    expect(old).toEqual(normaliseReplicaRows([rowFrom(MYSQL_80_REPLICA, values)])[0]);
    expect(old).toMatchObject({ channel: "ch", ioThread: "connecting", secondsBehind: null, lastIoErrno: 2003 });
  });
  it("reads MySQL's GTID sets without the server's line breaks, and error timestamps", () => {
    const row = { ...rowFrom(MYSQL_80_REPLICA, { Channel_Name: "", Seconds_Behind: null, Host: "h", Port: 1, IO: "Yes", SQL: "No", Last_SQL_Errno: 1032, Last_SQL_Error: "Can't find record" }), Executed_Gtid_Set: "a:1-5,\nb:1-3", Last_SQL_Error_Timestamp: "241124 10:00:01" };
    expect(normaliseReplicaRows([row])[0]).toMatchObject({ executedGtidSet: "a:1-5,b:1-3", lastSqlErrno: 1032, lastSqlErrorAt: "241124 10:00:01", lastIoErrorAt: null });
  });
  it("reads MariaDB's Preparing IO thread as connecting and Using_Gtid as GTID positioning", () => {
    const [c] = normaliseReplicaRows([{ Connection_name: "east", Slave_IO_Running: "Preparing", Slave_SQL_Running: "Yes", Using_Gtid: "Slave_Pos", Seconds_Behind_Master: null }]);
    expect(c).toMatchObject({ channel: "east", ioThread: "connecting", usingGtid: true, gtidMode: "slave_pos", secondsBehind: null });
  });
  it("keeps one entry per MySQL channel", () => {
    const rows = ["ch_a", "ch_b"].map((ch) => rowFrom(MYSQL_80_REPLICA, { Channel_Name: ch, Seconds_Behind: 1, Host: ch, Port: 3306, IO: "Yes", SQL: "No" }));
    expect(normaliseReplicaRows(rows).map((c) => [c.channel, c.sqlThread])).toEqual([["ch_a", "stopped"], ["ch_b", "stopped"]]);
  });
  it("lists replication filters", () => {
    const row = { ...rowFrom(MYSQL_80_REPLICA, { Channel_Name: "", Seconds_Behind: 0, Host: "h", Port: 1, IO: "Yes", SQL: "Yes" }), Replicate_Do_DB: "shop" };
    expect(normaliseReplicaRows([row])[0].filters).toEqual(["Replicate_Do_DB=shop"]);
  });
});
