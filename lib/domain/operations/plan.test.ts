// Planner rules for every operation, on MariaDB and MySQL states (rows in each family's column names).
import { NO_SEMI_SYNC } from "@/lib/domain/semi-sync";
import { describe, expect, it } from "vitest";
import { normaliseReplicaRow } from "../replica-status";
import type { ServerFacts } from "../server-facts";
import { parseServerVersion } from "../dialect";
import { planOperation } from "./plan";
import type { NodeView, Operation } from "./types";

const U1 = "11111111-1111-1111-1111-111111111111";
const facts = (f: Partial<ServerFacts> = {}): ServerFacts => ({
  serverId: 1, serverUuid: null, readOnly: false, superReadOnly: null, logBin: true, binlogFormat: "ROW", gtidMode: "on", gtidExecuted: "",
  logReplicaUpdates: true, parallelWorkers: 0, autoIncrementIncrement: 1, autoIncrementOffset: 1, semiSync: NO_SEMI_SYNC, ...f,
});
const maria = (row: Record<string, unknown>) => normaliseReplicaRow({ Connection_name: "", Master_Host: "10.0.0.1", Master_Port: 3306, Slave_IO_Running: "Yes", Slave_SQL_Running: "Yes", Using_Gtid: "No", Gtid_Slave_Pos: "0-1-100", Last_SQL_Errno: 0, ...row });
const my = (row: Record<string, unknown>) => normaliseReplicaRow({ Channel_Name: "", Source_Host: "10.0.0.1", Source_Port: 3306, Replica_IO_Running: "Yes", Replica_SQL_Running: "Yes", Auto_Position: 0, Last_SQL_Errno: 0, Source_UUID: U1, ...row });
function node(id: string, version: string, f: Partial<ServerFacts>, channels: NodeView["channels"], extra: Partial<NodeView> = {}): NodeView {
  return { id, name: id, host: `10.0.1.${id.length}`, port: 3306, version: parseServerVersion(version)!, facts: facts(f), channels, sourceStatus: { file: "bin.000001", position: 500, gtidExecuted: "" }, ...extra };
}
const plan = (n: NodeView, op: Operation, around = {}) => {
  const r = planOperation(n, op, around);
  return r.ok ? r.plan.statements : `refused: ${r.refused}`;
};

describe("start and stop", () => {
  it("uses the dialect's words, thread names and channel names", () => {
    const stopped = maria({ Slave_IO_Running: "No", Slave_SQL_Running: "No" });
    expect(plan(node("r", "10.11.6-MariaDB", {}, [stopped]), { kind: "start", threads: "both" })).toEqual(["START REPLICA"]);
    expect(plan(node("r", "10.4.30-MariaDB", {}, [maria({ Connection_name: "east" })]), { kind: "stop", threads: "sql", channel: "east" })).toEqual(["STOP SLAVE 'east' SQL_THREAD"]);
    const two = [my({ Channel_Name: "a" }), my({ Channel_Name: "b" })];
    expect(plan(node("r", "8.0.30", {}, two), { kind: "stop", threads: "io", channel: "a" })).toEqual(["STOP REPLICA IO_THREAD FOR CHANNEL 'a'"]);
    expect(plan(node("r", "5.7.44-log", {}, [my({ Slave_IO_Running: "Yes" })]), { kind: "stop", threads: "both" })).toEqual(["STOP SLAVE"]);
  });
  it("refuses what is already so, servers without replication and ambiguous channels", () => {
    expect(plan(node("r", "10.11.6-MariaDB", {}, [maria({})]), { kind: "start", threads: "both" })).toMatch(/already runs/);
    expect(plan(node("r", "10.11.6-MariaDB", {}, [maria({ Slave_SQL_Running: "No" })]), { kind: "stop", threads: "sql" })).toMatch(/already stopped/);
    expect(plan(node("s", "8.4.3", {}, []), { kind: "stop", threads: "both" })).toMatch(/does not replicate/);
    expect(plan(node("r", "8.0.30", {}, [my({ Channel_Name: "a" }), my({ Channel_Name: "b" })]), { kind: "stop", threads: "both" })).toMatch(/2 channels: choose one/);
  });
});

describe("skip", () => {
  const broken = { Slave_SQL_Running: "No", Last_SQL_Errno: 1062, Last_SQL_Error: "Duplicate entry '1' for key 'PRIMARY'" };
  it("MariaDB: stops, sets the skip counter, starts; warns that data may diverge", () => {
    const r = planOperation(node("r", "10.11.6-MariaDB", {}, [maria(broken)]), { kind: "skip" });
    expect(r.ok && r.plan.statements).toEqual(["STOP REPLICA", "SET GLOBAL sql_slave_skip_counter = 1", "START REPLICA"]);
    expect(r.ok && r.plan.warnings.join()).toMatch(/may now differ/);
    expect(plan(node("r", "10.11.6-MariaDB", {}, [maria({ ...broken, Connection_name: "x" })]), { kind: "skip", channel: "x" })).toEqual(["STOP REPLICA 'x'", "SET @@default_master_connection = 'x'", "SET GLOBAL sql_slave_skip_counter = 1", "START REPLICA 'x'"]);
  });
  it("MariaDB: refused with parallel threads and GTID, and when nothing failed", () => {
    expect(plan(node("r", "10.11.6-MariaDB", { parallelWorkers: 4 }, [maria({ ...broken, Using_Gtid: "Slave_Pos" })]), { kind: "skip" })).toMatch(/refused: .*parallel replication/);
    expect(plan(node("r", "10.11.6-MariaDB", {}, [maria({})]), { kind: "skip" })).toMatch(/nothing to skip/);
  });
  it("MySQL with GTID: an empty transaction for the failing GTID", () => {
    const ch = my({ Replica_SQL_Running: "No", Last_SQL_Errno: 1062, Last_SQL_Error: "Error 'Duplicate entry'", Auto_Position: 1, Retrieved_Gtid_Set: `${U1}:1-10`, Executed_Gtid_Set: `${U1}:1-7` });
    expect(plan(node("r", "8.0.36", { gtidMode: "ON", parallelWorkers: 0 }, [ch]), { kind: "skip" })).toEqual(["STOP REPLICA", `SET GTID_NEXT = '${U1}:8'`, "BEGIN", "COMMIT", "SET GTID_NEXT = 'AUTOMATIC'", "START REPLICA"]);
  });
  it("MySQL with parallel workers: only when the error names the transaction", () => {
    const named = my({ Replica_SQL_Running: "No", Last_SQL_Errno: 1062, Last_SQL_Error: `Worker 1 failed executing transaction '${U1}:42' at source log bin.000003, end_log_pos 900`, Auto_Position: 1 });
    expect(plan(node("r", "8.0.36", { gtidMode: "ON", parallelWorkers: 4 }, [named]), { kind: "skip" })).toContain(`SET GTID_NEXT = '${U1}:42'`);
    const unnamed = my({ Replica_SQL_Running: "No", Last_SQL_Errno: 1062, Last_SQL_Error: "Coordinator stopped", Auto_Position: 1, Retrieved_Gtid_Set: `${U1}:1-10`, Executed_Gtid_Set: `${U1}:1-7` });
    expect(plan(node("r", "8.0.36", { gtidMode: "ON", parallelWorkers: 4 }, [unnamed]), { kind: "skip" })).toMatch(/refused: .*parallel workers with GTID/);
    expect(plan(node("r", "5.7.44", { gtidMode: "OFF", parallelWorkers: 4 }, [my({ Slave_SQL_Running: "No", Replica_SQL_Running: undefined, Last_SQL_Errno: 1062 })]), { kind: "skip" })).toMatch(/refused: .*parallel workers/);
  });
  it("MySQL without GTID: the skip counter under its version's name", () => {
    const broken57 = my({ Slave_SQL_Running: "No", Replica_SQL_Running: undefined, Last_SQL_Errno: 1062 });
    expect(plan(node("r", "5.7.44", { gtidMode: "OFF" }, [broken57]), { kind: "skip" })).toEqual(["STOP SLAVE", "SET GLOBAL sql_slave_skip_counter = 1", "START SLAVE"]);
    expect(plan(node("r", "8.4.3", { gtidMode: "OFF" }, [my({ Replica_SQL_Running: "No", Last_SQL_Errno: 1062 })]), { kind: "skip" })).toEqual(["STOP REPLICA", "SET GLOBAL sql_replica_skip_counter = 1", "START REPLICA"]);
  });
});

describe("read_only", () => {
  it("MySQL sets super_read_only too, MariaDB read_only only; refuses a no-op", () => {
    expect(plan(node("r", "8.0.36", {}, []), { kind: "read_only", on: true })).toEqual(["SET GLOBAL read_only = ON", "SET GLOBAL super_read_only = ON"]);
    expect(plan(node("r", "8.0.36", { readOnly: true, superReadOnly: true }, []), { kind: "read_only", on: false })).toEqual(["SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(plan(node("r", "10.6.16-MariaDB", {}, []), { kind: "read_only", on: true })).toEqual(["SET GLOBAL read_only = ON"]);
    expect(plan(node("r", "10.6.16-MariaDB", { readOnly: true }, []), { kind: "read_only", on: true })).toMatch(/already read-only/);
  });
});

describe("repoint", () => {
  const S = node("src", "10.11.6-MariaDB", { serverId: 1, gtidExecuted: "0-1-100" }, [], { host: "10.0.0.1" });
  const up = node("top", "10.11.6-MariaDB", { serverId: 9, gtidExecuted: "0-1-100" }, [], { host: "10.0.0.9" });
  const mid = node("mid", "10.11.6-MariaDB", { serverId: 1, gtidExecuted: "0-1-100" }, [maria({ Master_Host: "10.0.0.9" })], { host: "10.0.0.1" });
  it("MariaDB: by GTID, keeping user and password", () => {
    const r = node("r", "10.11.6-MariaDB", {}, [maria({ Gtid_Slave_Pos: "0-1-90" })]);
    expect(plan(r, { kind: "repoint", targetId: "top" }, { target: up, source: mid })).toEqual(["STOP REPLICA", "CHANGE MASTER TO MASTER_HOST='10.0.0.9', MASTER_PORT=3306, MASTER_USE_GTID=slave_pos", "START REPLICA"]);
  });
  it("refuses itself, its current source, loops, targets without binlog and targets behind", () => {
    const r = node("r", "10.11.6-MariaDB", {}, [maria({ Gtid_Slave_Pos: "0-1-100" })]);
    expect(plan(r, { kind: "repoint", targetId: "r" }, { target: r })).toMatch(/cannot be its own source/);
    expect(plan(r, { kind: "repoint", targetId: "src" }, { target: S })).toMatch(/already replicates from/);
    const child = node("child", "10.11.6-MariaDB", {}, [maria({ Master_Host: r.host })], { host: "10.0.0.77" });
    expect(plan(r, { kind: "repoint", targetId: "child" }, { target: child })).toMatch(/make a loop/);
    const grandchild = node("grandchild", "10.11.6-MariaDB", { gtidExecuted: "0-1-100" }, [maria({ Master_Host: "10.0.0.77" })], { host: "10.0.0.78" });
    expect(plan(r, { kind: "repoint", targetId: "grandchild" }, { target: grandchild, source: S, downstream: ["child", "grandchild"] })).toMatch(/grandchild replicates from r through other replicas: .*loop cut off from src/);
    expect(plan(r, { kind: "repoint", targetId: "top" }, { target: { ...up, facts: facts({ logBin: false }) } })).toMatch(/no binary log/);
    const behind = node("sib", "10.11.6-MariaDB", { gtidExecuted: "0-1-80" }, [maria({})], { host: "10.0.0.55" });
    expect(plan(r, { kind: "repoint", targetId: "sib" }, { target: behind })).toMatch(/refused: .*has not yet got .*0-1-100/);
  });
  it("MySQL with GTID: auto-position in the replica's own dialect", () => {
    const r = node("r", "8.0.36", { gtidMode: "ON", gtidExecuted: `${U1}:1-5` }, [my({ Auto_Position: 1, Executed_Gtid_Set: `${U1}:1-5` })]);
    const t = node("top", "8.0.36", { gtidMode: "ON", gtidExecuted: `${U1}:1-9` }, [], { host: "10.0.0.9" });
    expect(plan(r, { kind: "repoint", targetId: "top" }, { target: t })).toEqual(["STOP REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.0.9', SOURCE_PORT=3306, SOURCE_AUTO_POSITION=1", "START REPLICA"]);
  });
  it("MySQL without GTID: a sibling only when both are stopped at the same position", () => {
    const at = { Replica_SQL_Running: "No", Relay_Source_Log_File: "bin.000001", Exec_Source_Log_Pos: 400 };
    const src = node("src", "8.0.36", { gtidMode: "OFF" }, [], { host: "10.0.0.1" });
    const r = node("r", "8.0.36", { gtidMode: "OFF" }, [my(at)]);
    const sib = node("sib", "8.0.36", { gtidMode: "OFF" }, [my(at)], { host: "10.0.0.55", sourceStatus: { file: "sib-bin.000004", position: 1234, gtidExecuted: "" } });
    expect(plan(r, { kind: "repoint", targetId: "sib" }, { target: sib, source: src })).toEqual(["STOP REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.0.55', SOURCE_PORT=3306, SOURCE_LOG_FILE='sib-bin.000004', SOURCE_LOG_POS=1234", "START REPLICA"]);
    const moving = node("sib", "8.0.36", { gtidMode: "OFF" }, [my({ ...at, Replica_SQL_Running: "Yes" })], { host: "10.0.0.55" });
    expect(plan(r, { kind: "repoint", targetId: "sib" }, { target: moving, source: src })).toMatch(/refused: .*both appliers are stopped at the same position/);
  });
  it("MySQL without GTID: up to the source's source once the replica applied all of its source's binlog", () => {
    const top = node("top", "5.7.44", { gtidMode: "OFF" }, [], { host: "10.0.0.9" });
    const mid57 = node("mid", "5.7.44", { gtidMode: "OFF" }, [my({ Source_Host: "10.0.0.9", Slave_SQL_Running: "No", Replica_SQL_Running: undefined, Relay_Master_Log_File: "top.000002", Exec_Master_Log_Pos: 777 })], { host: "10.0.0.1", sourceStatus: { file: "mid.000001", position: 500, gtidExecuted: "" } });
    const r = node("r", "5.7.44", { gtidMode: "OFF" }, [my({ Slave_SQL_Running: "No", Replica_SQL_Running: undefined, Relay_Master_Log_File: "mid.000001", Exec_Master_Log_Pos: 500 })]);
    expect(plan(r, { kind: "repoint", targetId: "top" }, { target: top, source: mid57 })).toEqual(["STOP SLAVE", "CHANGE MASTER TO MASTER_HOST='10.0.0.9', MASTER_PORT=3306, MASTER_LOG_FILE='top.000002', MASTER_LOG_POS=777", "START SLAVE"]);
    const notYet = { ...r, channels: [my({ Slave_SQL_Running: "No", Replica_SQL_Running: undefined, Relay_Master_Log_File: "mid.000001", Exec_Master_Log_Pos: 300 })] };
    expect(plan(notYet, { kind: "repoint", targetId: "top" }, { target: top, source: mid57 })).toMatch(/refused: .*applied all of mid's binary log/);
  });
});
