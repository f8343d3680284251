import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { normaliseReplicaRows } from "./replica-status";
import { MYSQL_57_SLAVE, MYSQL_80_REPLICA, rowFrom } from "./__fixtures__/mysql-columns";

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
  it("reads a delayed replica", () => {
    const [c] = normaliseReplicaRows(capturedRows("MASTER_DELAY=30] SHOW SLAVE STATUS"));
    expect(c.sqlDelay).toBe(30);
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
  it("keeps one entry per MySQL channel", () => {
    const rows = ["ch_a", "ch_b"].map((ch) => rowFrom(MYSQL_80_REPLICA, { Channel_Name: ch, Seconds_Behind: 1, Host: ch, Port: 3306, IO: "Yes", SQL: "No" }));
    expect(normaliseReplicaRows(rows).map((c) => [c.channel, c.sqlThread])).toEqual([["ch_a", "stopped"], ["ch_b", "stopped"]]);
  });
  it("lists replication filters", () => {
    const row = { ...rowFrom(MYSQL_80_REPLICA, { Channel_Name: "", Seconds_Behind: 0, Host: "h", Port: 1, IO: "Yes", SQL: "Yes" }), Replicate_Do_DB: "shop" };
    expect(normaliseReplicaRows([row])[0].filters).toEqual(["Replicate_Do_DB=shop"]);
  });
});
