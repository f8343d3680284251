// Repoint of one named channel: per-connection statements, GTID check limited to that connection's domains, refusals.
import { describe, expect, it } from "vitest";
import { NO_SEMI_SYNC } from "@/lib/domain/semi-sync";
import { normaliseReplicaRow } from "../replica-status";
import type { ServerFacts } from "../server-facts";
import { parseServerVersion } from "../dialect";
import { planOperation } from "./plan";
import type { NodeView, Operation } from "./types";

const facts = (f: Partial<ServerFacts> = {}): ServerFacts => ({
  serverId: 1, serverUuid: null, readOnly: false, superReadOnly: null, logBin: true, binlogFormat: "ROW", gtidMode: "on", gtidExecuted: "",
  logReplicaUpdates: true, parallelWorkers: 0, autoIncrementIncrement: 1, autoIncrementOffset: 1, semiSync: NO_SEMI_SYNC, ...f,
});
const maria = (name: string, host: string, ioPos: string) =>
  normaliseReplicaRow({ Connection_name: name, Master_Host: host, Master_Port: 3306, Slave_IO_Running: "Yes", Slave_SQL_Running: "Yes", Using_Gtid: "No", Gtid_IO_Pos: ioPos, Gtid_Slave_Pos: "1-10-50,2-20-70", Last_SQL_Errno: 0 });
const my = (name: string, host: string) => normaliseReplicaRow({ Channel_Name: name, Source_Host: host, Source_Port: 3306, Replica_IO_Running: "Yes", Replica_SQL_Running: "Yes", Auto_Position: 1, Last_SQL_Errno: 0 });
const node = (id: string, host: string, version: string, f: Partial<ServerFacts>, channels: NodeView["channels"]): NodeView =>
  ({ id, name: id, host, port: 3306, version: parseServerVersion(version)!, facts: facts(f), channels, sourceStatus: { file: "bin.000001", position: 4, gtidExecuted: "" } });
const plan = (n: NodeView, op: Operation, around = {}) => {
  const r = planOperation(n, op, around);
  return r.ok ? r.plan : `refused: ${r.refused}`;
};

const M = node("m", "10.0.0.5", "10.11.6-MariaDB", {}, [maria("a", "10.0.0.1", "1-10-50"), maria("b", "10.0.0.2", "2-20-70")]);
const Y = node("y", "10.0.0.2", "10.11.6-MariaDB", { gtidExecuted: "2-20-70" }, []);

describe("repoint one named connection", () => {
  it("moves only that connection, by GTID, checking only its own domains", () => {
    const Z = node("z", "10.0.0.3", "10.11.6-MariaDB", { gtidExecuted: "2-20-70" }, [maria("", "10.0.0.2", "2-20-70")]);
    expect(plan(M, { kind: "repoint", targetId: "z", channel: "b" }, { target: Z, source: Y })).toMatchObject({
      statements: ["STOP REPLICA 'b'", "CHANGE MASTER 'b' TO MASTER_HOST='10.0.0.3', MASTER_PORT=3306, MASTER_USE_GTID=slave_pos", "START REPLICA 'b'"],
      channel: "b", summary: expect.stringContaining('(channel "b")'),
    });
  });
  it("refuses a target behind in the connection's domain, a missing channel choice, and a target another connection already uses", () => {
    const behind = node("z", "10.0.0.3", "10.11.6-MariaDB", { gtidExecuted: "2-20-60" }, []);
    expect(plan(M, { kind: "repoint", targetId: "z", channel: "b" }, { target: behind, source: Y })).toMatch(/has not yet got .*2-20-70/);
    expect(plan(M, { kind: "repoint", targetId: "z" }, { target: behind })).toMatch(/2 channels: choose one/);
    const X = node("x", "10.0.0.1", "10.11.6-MariaDB", { gtidExecuted: "1-10-50" }, []);
    expect(plan(M, { kind: "repoint", targetId: "x", channel: "b" }, { target: X })).toMatch(/already replicates from x through channel "a"/);
  });
  it("refuses a multi-channel MySQL replica (mixed executed GTID set)", () => {
    const r = node("r", "10.0.0.5", "8.0.36", { gtidMode: "ON" }, [my("a", "10.0.0.1"), my("b", "10.0.0.2")]);
    expect(plan(r, { kind: "repoint", targetId: "z", channel: "b" }, { target: node("z", "10.0.0.3", "8.0.36", {}, []) })).toMatch(/multi-source MySQL replica by hand/);
  });
});
