// Readiness scoring and the switchover's statements, for MariaDB and MySQL states.
import { NO_SEMI_SYNC } from "@/lib/domain/semi-sync";
import { describe, expect, it } from "vitest";
import { normaliseReplicaRow } from "../replica-status";
import type { ServerFacts } from "../server-facts";
import { parseServerVersion } from "../dialect";
import type { NodeView } from "../operations/types";
import { followerStatement, oldSourceStatements } from "../operations/follow";
import { appliedUpTo, followMode, SWITCHOVER_PLAN } from "./plan";
import { assessCandidate } from "./readiness";

const facts = (f: Partial<ServerFacts> = {}): ServerFacts => ({
  serverId: 1, serverUuid: null, readOnly: false, superReadOnly: null, logBin: true, binlogFormat: "ROW", gtidMode: "on", gtidExecuted: "0-1-100",
  logReplicaUpdates: true, parallelWorkers: 0, autoIncrementIncrement: 1, autoIncrementOffset: 1, semiSync: NO_SEMI_SYNC, ...f,
});
const ch = (row: Record<string, unknown> = {}) =>
  normaliseReplicaRow({ Connection_name: "", Master_Host: "10.0.0.1", Master_Port: 3306, Master_User: "repl", Slave_IO_Running: "Yes", Slave_SQL_Running: "Yes", Seconds_Behind_Master: 0, Last_SQL_Errno: 0, SQL_Delay: 0, ...row });
const node = (id: string, host: string, f: Partial<ServerFacts>, channels: NodeView["channels"], version = "10.11.6-MariaDB"): NodeView =>
  ({ id, name: id, host, port: 3306, version: parseServerVersion(version)!, facts: facts(f), channels, sourceStatus: { file: "bin.000002", position: 900, gtidExecuted: "" } });
const source = node("src", "10.0.0.1", {}, []);
const failed = (r: ReturnType<typeof assessCandidate>) => r.checks.filter((c) => !c.ok).map((c) => c.id);

describe("readiness", () => {
  it("a caught-up, clean replica scores 100 and is ready", () => {
    const r = assessCandidate(source, node("a", "10.0.0.2", { serverId: 2 }, [ch()]), []);
    expect(r).toMatchObject({ score: 100, ready: true });
  });
  it("lag, filters, errant transactions, binlog off and delay are found; blocking ones make it not ready", () => {
    const lagging = assessCandidate(source, node("a", "10.0.0.2", {}, [ch({ Seconds_Behind_Master: 5 })]), []);
    expect(failed(lagging)).toEqual(["caught_up"]);
    expect(lagging.ready).toBe(true);
    expect(lagging.score).toBeLessThan(100);
    const bad = assessCandidate(source, node("b", "10.0.0.3", { logBin: false, gtidExecuted: "0-1-100,1-3-5" }, [ch({ Replicate_Do_DB: "app", SQL_Delay: 3600 })]), []);
    expect(failed(bad)).toEqual(["not_delayed", "binlog", "errant", "filters"]);
    expect(bad.ready).toBe(false);
    expect(bad.checks.find((c) => c.id === "errant")!.detail).toBe("has 1-3-5 that src lacks");
  });
  it("a server that replicates from elsewhere, or a source that is itself a replica, is refused", () => {
    expect(assessCandidate(source, node("c", "10.0.0.4", {}, [ch({ Master_Host: "10.0.0.99" })]), []).ready).toBe(false);
    expect(failed(assessCandidate(node("src", "10.0.0.1", {}, [ch({ Master_Host: "10.0.0.2" })]), node("a", "10.0.0.2", {}, [ch()]), []))).toContain("source_alone");
  });
  it("version: a candidate newer than a sibling that will follow it loses points, not readiness", () => {
    const r = assessCandidate(source, node("a", "10.0.0.2", {}, [ch()], "11.4.2-MariaDB"), [node("s", "10.0.0.5", {}, [ch()], "10.6.1-MariaDB")]);
    expect(failed(r)).toEqual(["version"]);
    expect(r.ready).toBe(true);
  });
});

describe("switchover statements", () => {
  it("promote is the point of no return", () => {
    expect(SWITCHOVER_PLAN.pastNoReturn("stop_replicas")).toBe(false);
    expect(SWITCHOVER_PLAN.pastNoReturn("promote")).toBe(true);
    expect(SWITCHOVER_PLAN.pastNoReturn("verify")).toBe(true);
  });
  it("followers by GTID when possible, else at the candidate's coordinates", () => {
    const cand = node("a", "10.0.0.2", {}, [ch()]);
    expect(followMode(cand, [])).toBe("gtid");
    expect(followMode({ ...cand, facts: facts({ logReplicaUpdates: false }) }, [])).toBe("file");
    const my = node("m", "10.0.0.2", { gtidMode: "ON" }, [], "8.0.36");
    expect(followMode(my, [node("n", "10.0.0.3", { gtidMode: "OFF" }, [], "8.0.36")])).toBe("file");
    expect(followerStatement(cand.version, "10.0.0.2", 3306, { kind: "gtid" })).toBe("CHANGE MASTER TO MASTER_HOST='10.0.0.2', MASTER_PORT=3306, MASTER_USE_GTID=slave_pos");
    expect(followerStatement(my.version, "h'x", 3307, { kind: "file", file: "b.000001", position: 4 })).toBe("CHANGE REPLICATION SOURCE TO SOURCE_HOST='h\\'x', SOURCE_PORT=3307, SOURCE_LOG_FILE='b.000001', SOURCE_LOG_POS=4");
  });
  it("the old source gets credentials and, on MariaDB, its own GTID position first", () => {
    const v = parseServerVersion("10.11.6-MariaDB")!;
    expect(oldSourceStatements(v, { host: "10.0.0.2", port: 3306, user: "repl", password: "p'w" }, { kind: "gtid" }, "0-1-100")).toEqual([
      "SET GLOBAL gtid_slave_pos = '0-1-100'",
      "CHANGE MASTER TO MASTER_HOST='10.0.0.2', MASTER_PORT=3306, MASTER_USER='repl', MASTER_PASSWORD='p\\'w', MASTER_USE_GTID=slave_pos",
    ]);
  });
  it("applied-up-to compares file then position", () => {
    expect(appliedUpTo(ch({ Relay_Master_Log_File: "bin.000002", Exec_Master_Log_Pos: 900 }), { file: "bin.000002", position: 900 })).toBe(true);
    expect(appliedUpTo(ch({ Relay_Master_Log_File: "bin.000002", Exec_Master_Log_Pos: 899 }), { file: "bin.000002", position: 900 })).toBe(false);
    expect(appliedUpTo(ch({ Relay_Master_Log_File: "bin.000003", Exec_Master_Log_Pos: 4 }), { file: "bin.000002", position: 900 })).toBe(true);
  });
});
