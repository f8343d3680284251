import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../health";
import { findProblems, type ServerForProblems } from "../problems";
import { normaliseReplicaRow } from "../replica-status";
import { normaliseFacts } from "../server-facts";
import { evaluateServer, type ServerStatus } from "../server-status";
import { judgeSource, judgeSources } from "./detect";
import { errantByOrigin } from "./errant";

const facts = (o: Record<string, unknown>) =>
  normaliseFacts({ server_id: 1, read_only: 1, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "", gtid_binlog_pos: "", gtid_strict_mode: 0, log_replica_updates: 1, auto_increment_increment: 1, auto_increment_offset: 1, ...o });
const row = (io: string, errno = 0) => normaliseReplicaRow({ Connection_name: "", Master_Host: "127.0.0.1", Master_Port: 3306, Master_Server_Id: 1, Slave_IO_Running: io, Slave_SQL_Running: "Yes", Last_IO_Errno: errno, Last_IO_Error: errno ? "can't connect" : "", Seconds_Behind_Master: io === "Yes" ? 0 : null });
const ok = (f: Record<string, unknown>, channels: ReturnType<typeof row>[] = []) => evaluateServer({ ok: true, channels, facts: facts(f), source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1000, null);
/** `polls` failed polls in a row after a good one. */
const down = (before: ServerStatus, polls: number) => {
  let s = before;
  for (let i = 0; i < polls; i++) s = evaluateServer({ ok: false, error: "connect ECONNREFUSED" }, DEFAULT_THRESHOLDS, 1001 + i, s);
  return s;
};
const srv = (id: string, port: number, status: ServerStatus): ServerForProblems => ({ id, name: id, host: "127.0.0.1", port, cluster: "c", status });
const source = ok({ server_id: 1, read_only: 0, gtid_binlog_pos: "0-1-100" });

describe("dead source detection", () => {
  it("counts consecutive failed polls", () => {
    expect(down(source, 1).unreachablePolls).toBe(1);
    expect(down(source, 3).unreachablePolls).toBe(3);
  });
  it("DeadSource needs 2 failed polls and every reachable replica's receiver down", () => {
    const replicas = [srv("a", 3307, ok({ server_id: 2 }, [row("Connecting", 2003)])), srv("b", 3308, ok({ server_id: 3 }, [row("No", 2013)]))];
    expect(judgeSource([srv("s", 3306, down(source, 1)), ...replicas], srv("s", 3306, down(source, 1)))?.code).toBe("SuspectSource");
    const all = [srv("s", 3306, down(source, 2)), ...replicas];
    expect(judgeSource(all, all[0])).toMatchObject({ code: "DeadSource", confirmedBy: ["a", "b"], unreachablePolls: 2 });
    const p = findProblems(all, 1002, 100).get("s")!.map((x) => x.code);
    expect(p).toEqual(["Unreachable", "DeadSource"]);
  });
  it("UnreachableSource when a replica still receives from it: no failover", () => {
    const all = [srv("s", 3306, down(source, 5)), srv("a", 3307, ok({ server_id: 2 }, [row("Yes")])), srv("b", 3308, ok({ server_id: 3 }, [row("Connecting", 2003)]))];
    expect(judgeSource(all, all[0])).toMatchObject({ code: "UnreachableSource", stillReceiving: ["a"] });
  });
  it("DeadSourceAndSomeReplicas when some replicas are gone too; nothing when none confirms", () => {
    const gone = down(ok({ server_id: 3 }, [row("Yes")]), 2);
    const all = [srv("s", 3306, down(source, 2)), srv("a", 3307, ok({ server_id: 2 }, [row("Connecting", 2003)])), srv("b", 3308, gone)];
    expect(judgeSource(all, all[0])).toMatchObject({ code: "DeadSourceAndSomeReplicas", unreachableReplicas: ["b"] });
    expect(judgeSource([all[0], all[2]], all[0])).toBeNull();
  });
  it("judgeSources (indexed) gives every source the verdict judgeSource gives; replicas found by address (any case) or server_id, in list order", () => {
    const byId = (o: Record<string, unknown>, host: string, port: number, id: number) => ok(o, [normaliseReplicaRow({ Connection_name: "", Master_Host: host, Master_Port: port, Master_Server_Id: id, Slave_IO_Running: "Connecting", Slave_SQL_Running: "Yes", Last_IO_Errno: 2003, Last_IO_Error: "x", Seconds_Behind_Master: null })]);
    const other = ok({ server_id: 9, read_only: 0 });
    const all = [
      srv("b", 3308, byId({ server_id: 3 }, "10.9.9.9", 3306, 1)), srv("s", 3306, down(source, 2)), srv("x", 3310, down(other, 2)),
      srv("a", 3307, byId({ server_id: 2 }, "127.0.0.1", 3306, 0)), { ...srv("c", 3309, byId({ server_id: 4 }, "LOCALHOST", 3310, 0)), host: "127.0.0.1" },
      { ...srv("y", 3310, down(other, 2)), host: "localhost" },
    ];
    const verdicts = judgeSources(all);
    for (const s of all) expect(verdicts.get(s.id) ?? null).toEqual(judgeSource(all, s));
    expect(verdicts.get("s")).toMatchObject({ code: "DeadSource", confirmedBy: ["b", "a"] });
    expect(verdicts.get("y")).toMatchObject({ code: "DeadSource", confirmedBy: ["c"] });
    expect(verdicts.has("x")).toBe(false);
  });
  it("FormerSourceReturned on an old source that answers again, with its read_only state", () => {
    const p = findProblems([srv("s", 3306, source)], 1000, 100, [{ serverId: "s", failoverId: "f1", newSourceName: "a" }]).get("s")!;
    expect(p[0]).toMatchObject({ code: "FormerSourceReturned", severity: "critical" });
    expect(p[0].message).toMatch(/WRITABLE/);
  });
});

describe("errant transactions", () => {
  it("MariaDB: names the domain and server_id, ignores the source's own (read earlier under writes)", () => {
    expect(errantByOrigin("0-1-105", "0-1-100", { serverId: 1 })).toEqual([]);
    expect(errantByOrigin("0-2-101,1-2-3", "0-1-100", { serverId: 1 })).toEqual([
      { gtids: "0-2-101", origin: "domain 0, server_id 2", serverId: 2 },
      { gtids: "1-2-3", origin: "domain 1, server_id 2", serverId: 2 },
    ]);
  });
  it("MySQL: the uuid:intervals the source lacks, by uuid", () => {
    const src = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100";
    expect(errantByOrigin(`${src},aaaaaaaa-71ca-11e1-9e33-c80aa9429562:1-2`, src, { uuid: "3e11fa47-71ca-11e1-9e33-c80aa9429562" })).toEqual([
      { gtids: "aaaaaaaa-71ca-11e1-9e33-c80aa9429562:1-2", uuid: "aaaaaaaa-71ca-11e1-9e33-c80aa9429562", origin: "server_uuid aaaaaaaa-71ca-11e1-9e33-c80aa9429562" },
    ]);
  });
  it("flags ErrantTransactions on the replica with the GTIDs", () => {
    const all = [srv("s", 3306, ok({ server_id: 1, read_only: 0, gtid_binlog_pos: "0-1-100" })), srv("a", 3307, ok({ server_id: 2, gtid_binlog_pos: "0-2-101" }, [row("Yes")]))];
    const p = findProblems(all, 1000, 100).get("a")!;
    expect(p.map((x) => x.code)).toEqual(["ErrantTransactions"]);
    expect(p[0].message).toMatch(/0-2-101 \(domain 0, server_id 2, written on this replica\)/);
  });
});
