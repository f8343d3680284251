// SemiSyncDegraded / SemiSyncNoAckers on a source, CoSourceBothWritable on master-master pairs.
import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { DEFAULT_THRESHOLDS } from "./health";
import { findProblems, semiSyncProblems, type ServerForProblems } from "./problems";
import { normaliseReplicaRow } from "./replica-status";
import { NO_SEMI_SYNC } from "./semi-sync";
import { normaliseFacts } from "./server-facts";
import { evaluateServer } from "./server-status";

const healthyRow = normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]);
const facts = (o: Record<string, unknown>) =>
  normaliseFacts({ server_id: 1, read_only: 0, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "", gtid_strict_mode: 0, log_replica_updates: 1, auto_increment_increment: 2, auto_increment_offset: 1, ...o });
function server(id: string, port: number, f: Record<string, unknown>, channels: (typeof healthyRow)[] = []): ServerForProblems {
  return { id, name: id, host: "127.0.0.1", port, cluster: null, status: evaluateServer({ ok: true, channels, facts: facts(f), source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1000, null) };
}
const codes = (m: Map<string, { code: string }[]>, id: string) => m.get(id)!.map((p) => p.code).sort();

describe("semiSyncProblems", () => {
  const on = { ...NO_SEMI_SYNC, sourceEnabled: true };
  it("is quiet when semi-sync is off, absent, or active with replicas", () => {
    expect(semiSyncProblems(NO_SEMI_SYNC)).toEqual([]);
    expect(semiSyncProblems({ ...NO_SEMI_SYNC, sourceEnabled: false, sourceActive: false })).toEqual([]);
    expect(semiSyncProblems({ ...on, sourceActive: true, clients: 1 })).toEqual([]);
  });
  it("flags a source that fell back to async, and one no semi-sync replica is connected to", () => {
    expect(semiSyncProblems({ ...on, sourceActive: false, clients: 1, noTx: 4 })).toEqual([expect.objectContaining({ code: "SemiSyncDegraded", severity: "critical", message: expect.stringContaining("4 commits") })]);
    expect(semiSyncProblems({ ...on, sourceActive: true, clients: 0 }).map((p) => p.code)).toEqual(["SemiSyncNoAckers"]);
    expect(semiSyncProblems({ ...on, sourceActive: false, clients: 0 }).map((p) => p.code)).toEqual(["SemiSyncDegraded", "SemiSyncNoAckers"]);
  });
});

describe("CoSourceBothWritable", () => {
  const toA = { ...healthyRow, sourcePort: 1 };
  const toB = { ...healthyRow, sourcePort: 2 };
  it("flags both sides of a master-master pair when both are writable", () => {
    const p = findProblems([server("a", 1, { server_id: 1 }, [toB]), server("b", 2, { server_id: 2, auto_increment_offset: 2 }, [toA])], 1000, 10);
    for (const id of ["a", "b"]) expect(codes(p, id)).toEqual(["CoSourceBothWritable", "ReplicaIsWritable"]);
    expect(p.get("a")!.find((x) => x.code === "CoSourceBothWritable")!.message).toMatch(/Master-master with b/);
  });
  it("is quiet when one side is read-only, and for a plain source/replica pair", () => {
    const p = findProblems([server("a", 1, { server_id: 1 }, [toB]), server("b", 2, { server_id: 2, read_only: 1, auto_increment_offset: 2 }, [toA])], 1000, 10);
    expect([...codes(p, "a"), ...codes(p, "b")]).not.toContain("CoSourceBothWritable");
    const q = findProblems([server("a", 1, { server_id: 1 }), server("b", 2, { server_id: 2 }, [toA])], 1000, 10);
    expect([...codes(q, "a"), ...codes(q, "b")]).not.toContain("CoSourceBothWritable");
  });
});
