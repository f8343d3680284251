import { NO_SEMI_SYNC } from "@/lib/domain/semi-sync";
import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { normaliseBinaryLogs, normaliseFacts, normaliseReplicaHosts, normaliseSourceStatus, normaliseVariables } from "./server-facts";

const MYSQL_ROW = {
  server_id: 12, server_uuid: "3e11fa47-71ca-11e1-9e33-c80aa9429562", read_only: 1, super_read_only: 0, log_bin: 1, binlog_format: "ROW",
  gtid_mode: "ON", gtid_executed: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\nb1d5c7e0-0000-11ee-8000-000000000001:1-2", log_replica_updates: 1,
  parallel_workers: 4, auto_increment_increment: 2, auto_increment_offset: 1,
};
const MARIADB_ROW = {
  server_id: 2, read_only: 0, log_bin: 1, binlog_format: "MIXED", gtid_strict_mode: 1, gtid_current_pos: "0-1-6", gtid_binlog_pos: "0-1-6",
  gtid_slave_pos: "0-1-6", log_replica_updates: 0, parallel_workers: 0, auto_increment_increment: 1, auto_increment_offset: 1,
};

describe("normaliseFacts", () => {
  it("reads a MySQL facts row", () => {
    expect(normaliseFacts(MYSQL_ROW)).toMatchObject({
      serverId: 12, serverUuid: "3e11fa47-71ca-11e1-9e33-c80aa9429562", readOnly: true, superReadOnly: false, logBin: true, binlogFormat: "ROW",
      gtidMode: "ON", gtidExecuted: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,b1d5c7e0-0000-11ee-8000-000000000001:1-2",
      logReplicaUpdates: true, parallelWorkers: 4, autoIncrementIncrement: 2, autoIncrementOffset: 1, semiSync: NO_SEMI_SYNC,
    });
  });
  it("reads a MariaDB facts row: no uuid, no super_read_only, GTID position from gtid_binlog_pos", () => {
    expect(normaliseFacts(MARIADB_ROW)).toMatchObject({ serverId: 2, serverUuid: null, superReadOnly: null, readOnly: false, gtidMode: "strict", gtidExecuted: "0-1-6", logReplicaUpdates: false });
  });
  it("reads semi-sync state under either plugin's names; absent plugins stay unknown", () => {
    const rows = [{ Variable_name: "rpl_semi_sync_master_enabled", Value: "ON" }, { Variable_name: "rpl_semi_sync_slave_enabled", Value: "OFF" }];
    expect(normaliseFacts(MYSQL_ROW, rows).semiSync).toMatchObject({ sourceEnabled: true, sourceActive: null, replicaEnabled: false, replicaActive: false });
    expect(normaliseFacts(MYSQL_ROW, [{ Variable_name: "rpl_semi_sync_replica_enabled", Value: "ON" }]).semiSync).toMatchObject({ sourceEnabled: null, sourceActive: null, replicaEnabled: true });
  });
});

describe("source-side rows", () => {
  it("reads captured SHOW MASTER STATUS and SHOW BINLOG STATUS alike", () => {
    const master = normaliseSourceStatus(capturedRows("[master 23306] SHOW MASTER STATUS\\G"));
    expect(master).toEqual({ file: "mysql-bin.000001", position: 1501, gtidExecuted: "" });
    expect(normaliseSourceStatus(capturedRows("[master 23306] SHOW BINLOG STATUS\\G"))).toEqual(master);
  });
  it("no row means the binary log is off", () => {
    expect(normaliseSourceStatus([])).toBeNull();
  });
  it("reads MySQL's Executed_Gtid_Set from SHOW BINARY LOG STATUS", () => {
    expect(normaliseSourceStatus([{ File: "binlog.000007", Position: 4242, Binlog_Do_DB: "", Binlog_Ignore_DB: "", Executed_Gtid_Set: "a:1-5,\nb:1-2" }])).toEqual({ file: "binlog.000007", position: 4242, gtidExecuted: "a:1-5,b:1-2" });
  });
  it("reads captured MariaDB replica hosts and MySQL SHOW REPLICAS / SLAVE HOSTS rows", () => {
    expect(normaliseReplicaHosts(capturedRows("[master 23306] SHOW REPLICA HOSTS\\G"))).toEqual([
      { serverId: 3, host: "127.0.0.1", port: 23308, sourceId: 1, uuid: null },
      { serverId: 2, host: "127.0.0.1", port: 23307, sourceId: 1, uuid: null },
    ]);
    const uuid = "c0ffee00-0000-11ee-8000-000000000002";
    expect(normaliseReplicaHosts([{ Server_Id: 5, Host: "db5", Port: 3306, Source_Id: 1, Replica_UUID: uuid }])).toEqual([{ serverId: 5, host: "db5", port: 3306, sourceId: 1, uuid }]);
    expect(normaliseReplicaHosts([{ Server_id: 5, Host: "db5", Port: 3306, Master_id: 1, Slave_UUID: uuid }])).toEqual([{ serverId: 5, host: "db5", port: 3306, sourceId: 1, uuid }]);
  });
});

describe("binary logs and variables", () => {
  it("reads captured SHOW BINARY LOGS rows", () => {
    expect(normaliseBinaryLogs(capturedRows("[master 23306] SHOW BINARY LOGS\\G"))).toEqual([{ name: "mysql-bin.000001", size: 1501 }]);
  });
  it("reads SHOW VARIABLES rows by lower-case name", () => {
    const vars = normaliseVariables([{ Variable_name: "binlog_expire_logs_seconds", Value: "2592000" }, { Variable_name: "EXPIRE_LOGS_DAYS", Value: 0 }]);
    expect([...vars]).toEqual([["binlog_expire_logs_seconds", "2592000"], ["expire_logs_days", "0"]]);
  });
});
