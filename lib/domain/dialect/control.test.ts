// START/STOP/RESET, UNTIL and GTID statements per dialect.
import { describe, expect, it } from "vitest";
import { resetReplicaStatements, startReplicaStatement } from "./control";
import * as m from "./index";
import { parseServerVersion } from "./version";

const v = (s: string) => parseServerVersion(s)!;

describe("GTID statements", () => {
  it("stops at a GTID position in each dialect and resets GTID state per version", () => {
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
});

describe("GTID positioning, UNTIL, read_only and skip per family", () => {
  it("gives a new replica its GTID start in its family's way", () => {
    expect(m.gtidStartStatements(v("10.11.6-MariaDB"), "0-1-42", false)).toEqual(["SET GLOBAL gtid_slave_pos = '0-1-42'"]);
    expect(m.gtidStartStatements(v("8.0.36"), "u:1-5", false)).toEqual([]);
    expect(m.gtidStartStatements(v("8.4.3"), "u:1-5", true)).toEqual(["RESET BINARY LOGS AND GTIDS", "SET GLOBAL gtid_purged = 'u:1-5'"]);
    expect(m.gtidResetBeforeLoad(v("8.0.36"))).toEqual(["RESET MASTER"]);
    expect(m.gtidResetBeforeLoad(v("10.11.6-MariaDB"))).toEqual([]);
  });
  it("tells when a replica started UNTIL has stopped there", () => {
    const ch = { sqlThread: "stopped", gtidSlavePos: "0-1-42", relaySourceLogFile: "bin.000002", execSourceLogPos: 900 } as Parameters<typeof m.stoppedAtUntil>[1];
    expect(m.stoppedAtUntil(v("10.11.6-MariaDB"), ch, { gtid: "0-1-42" })).toBe(true);
    expect(m.stoppedAtUntil(v("10.11.6-MariaDB"), ch, { gtid: "0-1-43" })).toBe(false);
    expect(m.stoppedAtUntil(v("8.0.36"), ch, { gtid: "u:1-5" })).toBe(true);
    expect(m.stoppedAtUntil(v("8.0.36"), ch, { file: "bin.000002", position: 900 })).toBe(true);
    expect(m.stoppedAtUntil(v("8.0.36"), { ...ch!, sqlThread: "running" }, { file: "bin.000002", position: 900 })).toBe(false);
    expect(m.stoppedAtUntil(v("8.0.36"), undefined, { gtid: "u:1-5" })).toBe(false);
  });
  it("names channels, read_only and the skip counter in each dialect", () => {
    expect(m.threadStatement(v("10.11.6-MariaDB"), "stop", "io", "a'b", true)).toBe("STOP REPLICA 'a\\'b' IO_THREAD");
    expect(m.threadStatement(v("8.0.36"), "start", "sql", "a", true)).toBe("START REPLICA SQL_THREAD FOR CHANNEL 'a'");
    expect(m.readOnlyStatements(v("5.7.44"), false)).toEqual(["SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(m.readOnlyStatements(v("10.11.6-MariaDB"), true)).toEqual(["SET GLOBAL read_only = ON"]);
    expect(m.skipCounterStatement(v("8.0.26"))).toBe("SET GLOBAL sql_replica_skip_counter = 1");
    expect(m.skipCounterStatement(v("8.0.25"))).toBe("SET GLOBAL sql_slave_skip_counter = 1");
    expect(m.skipCounterStatement(v("11.4.2-MariaDB"))).toBe("SET GLOBAL sql_slave_skip_counter = 1");
  });
});
