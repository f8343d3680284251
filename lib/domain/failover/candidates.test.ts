import { describe, expect, it } from "vitest";
import { parseServerVersion } from "../dialect";
import type { NodeView } from "../operations/types";
import { normaliseReplicaRow } from "../replica-status";
import type { ServerFacts } from "../server-facts";
import { NO_SEMI_SYNC } from "../semi-sync";
import { gtidContains, gtidUnion, gtidWeight } from "./advance";
import { assessFailoverCandidate, coordinatesRefusal, type DeadSourceView, mostAdvanced, rankFailoverCandidates } from "./candidates";
import { buildReport } from "./plan";
import { autoDecision, defaultClusterSetting } from "./settings";

const facts = (f: Partial<ServerFacts> = {}): ServerFacts => ({
  serverId: 2, serverUuid: null, readOnly: true, superReadOnly: null, logBin: true, binlogFormat: "ROW", gtidMode: "", gtidExecuted: "0-1-100",
  logReplicaUpdates: true, parallelWorkers: 0, autoIncrementIncrement: 1, autoIncrementOffset: 1, semiSync: NO_SEMI_SYNC, ...f,
});
const ch = (row: Record<string, unknown> = {}) =>
  normaliseReplicaRow({ Connection_name: "", Master_Host: "10.0.0.1", Master_Port: 3306, Master_User: "repl", Slave_IO_Running: "Connecting", Slave_SQL_Running: "Yes", Using_Gtid: "Slave_Pos", Gtid_IO_Pos: "0-1-100", Last_IO_Errno: 2003, SQL_Delay: 0, ...row });
const v = parseServerVersion("10.11.6-MariaDB")!;
const node = (id: string, f: Partial<ServerFacts>, row: Record<string, unknown> = {}): NodeView => ({ id, name: id, host: `h-${id}`, port: 3306, version: v, facts: facts(f), channels: [ch(row)], sourceStatus: null });
const dead: DeadSourceView = { id: "s", name: "s", host: "10.0.0.1", port: 3306, version: v, facts: facts({ serverId: 1, gtidExecuted: "0-1-100" }) };

describe("GTID arithmetic for failover", () => {
  it("union, weight and containment in both families", () => {
    expect(gtidUnion("0-1-90,1-2-5", "0-1-100")).toBe("0-1-100,1-2-5");
    expect(gtidUnion("u:1-5", "u:4-9,v:1")).toBe("u:1-9,v:1");
    expect(gtidWeight("u:1-9,v:1")).toBe(10);
    expect(gtidContains("0-1-100", "0-1-99")).toBe(true);
    expect(gtidContains("u:1-5", "u:1-6")).toBe(false);
  });
});

describe("failover candidates", () => {
  const a = node("a", { gtidExecuted: "0-1-98" }, { Gtid_Slave_Pos: "0-1-98", Gtid_IO_Pos: "0-1-98" });
  const b = node("b", { gtidExecuted: "0-1-97" }, { Gtid_Slave_Pos: "0-1-97", Gtid_IO_Pos: "0-1-100" });
  const delayed = node("d", { gtidExecuted: "0-1-60" }, { Gtid_Slave_Pos: "0-1-60", Gtid_IO_Pos: "0-1-100", SQL_Delay: 3600 });
  it("the most advanced is the one that retrieved the most; a delayed replica is never first", () => {
    const list = [a, b, delayed].map((n) => assessFailoverCandidate(dead, n, [], "neutral"));
    expect(mostAdvanced(list)!.candidateName).toBe("b");
    expect(list[1]).toMatchObject({ executedGtid: "0-1-97", retrievedGtid: "0-1-100", ready: true });
    expect(rankFailoverCandidates(list).map((c) => c.candidateName)).toEqual(["b", "a", "d"]);
    expect(list[2].ready).toBe(false);
  });
  it("prefer ranks before a more advanced neutral; must_not is never ready", () => {
    const list = [assessFailoverCandidate(dead, a, [], "prefer"), assessFailoverCandidate(dead, b, [], "must_not")];
    expect(rankFailoverCandidates(list)[0].candidateName).toBe("a");
    expect(list[1].checks.find((c) => c.id === "rule")).toMatchObject({ ok: false, blocking: true });
  });
  it("a replica of another source, or with errant transactions, is refused and named", () => {
    expect(assessFailoverCandidate(dead, node("x", {}, { Master_Host: "10.9.9.9" }), [], "neutral").ready).toBe(false);
    const e = assessFailoverCandidate(dead, node("e", { gtidExecuted: "0-7-101" }), [], "neutral");
    expect(e.checks.find((c) => c.id === "errant")!.detail).toBe("has 0-7-101 (domain 0, server_id 7)");
  });
  it("without GTID: only when every replica stopped at the same coordinates", () => {
    const file = (id: string, pos: number) => assessFailoverCandidate(dead, node(id, {}, { Using_Gtid: "No", Relay_Master_Log_File: "b.1", Exec_Master_Log_Pos: pos, Master_Log_File: "b.1", Read_Master_Log_Pos: pos }), [], "neutral");
    expect(coordinatesRefusal([file("a", 10), file("b", 10)])).toBeNull();
    expect(coordinatesRefusal([file("a", 10), file("b", 12)])).toMatch(/different coordinates \(a at b\.1:10, b at b\.1:12\)/);
  });
});

describe("report and automatic mode", () => {
  it("names what the dead source had that nobody received", () => {
    const r = buildReport({ oldSource: "s", lastKnown: "0-1-105", semiSync: false, newSource: "b", newSourceHas: "0-1-100", replicas: [] });
    expect(r.possiblyLost).toBe("0-1-105");
    expect(buildReport({ oldSource: "s", lastKnown: "0-1-100", semiSync: false, newSource: "b", newSourceHas: "0-1-100", replicas: [] }).possiblyLost).toBe("");
  });
  it("automatic mode: off by default, waits the delay, respects the cooldown, GTID only", () => {
    const on = { ...defaultClusterSetting("c"), autoFailover: true };
    const base = { now: 1000, deadSince: 960, lastAutoAt: null, gtid: true, readyCandidate: true };
    expect(autoDecision(defaultClusterSetting("c"), base)).toMatchObject({ go: false, why: /off/ });
    expect(autoDecision(on, base)).toEqual({ go: true });
    expect(autoDecision(on, { ...base, deadSince: 980 })).toMatchObject({ go: false, why: /20 s of 30 s/ });
    expect(autoDecision(on, { ...base, lastAutoAt: 0 })).toMatchObject({ go: false, why: /cooldown/ });
    expect(autoDecision(on, { ...base, gtid: false })).toMatchObject({ go: false, why: /GTID/ });
  });
});
