import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { DEFAULT_THRESHOLDS } from "./health";
import { autoIncrementCollides, findProblems, type ServerForProblems, sourceFinder } from "./problems";
import { normaliseReplicaRow } from "./replica-status";
import { normaliseFacts } from "./server-facts";
import { evaluateServer } from "./server-status";

const healthyRow = normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]);
const facts = (o: Record<string, unknown>) =>
  normaliseFacts({ server_id: 1, read_only: 0, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "", gtid_strict_mode: 0, log_replica_updates: 1, auto_increment_increment: 1, auto_increment_offset: 1, ...o });

function server(id: string, port: number, f: Record<string, unknown>, channels: (typeof healthyRow)[] = [], cluster: string | null = null): ServerForProblems {
  const status = evaluateServer({ ok: true, channels, facts: facts(f), source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1000, null);
  return { id, name: id, host: "127.0.0.1", port, cluster, status };
}
const codes = (m: Map<string, { code: string }[]>, id: string) => m.get(id)!.map((p) => p.code).sort();

describe("findProblems", () => {
  it("flags a writable replica, a source without binlog and statement-based binlogs", () => {
    const src = server("src", 23306, { server_id: 1, log_bin: 0 });
    const rep = server("rep", 23307, { server_id: 2, binlog_format: "STATEMENT" }, [healthyRow]);
    const p = findProblems([src, rep], 1000, 10);
    expect(codes(p, "src")).toEqual(["SourceBinlogDisabled"]);
    expect(codes(p, "rep")).toEqual(["ReplicaIsWritable", "StatementBasedBinlog"]);
  });
  it("flags duplicate server ids only within one cluster", () => {
    const a = server("a", 1, { server_id: 7 }, [], "x");
    const b = server("b", 2, { server_id: 7 }, [], "x");
    const c = server("c", 3, { server_id: 7 }, [], "y");
    const p = findProblems([a, b, c], 1000, 10);
    expect(codes(p, "a")).toEqual(["DuplicateServerId"]);
    expect(p.get("a")![0]).toMatchObject({ message: expect.stringContaining("b") });
    expect(codes(p, "c")).toEqual([]);
  });
  it("explains a broken replica with its errno and a stale check", () => {
    const broken = normaliseReplicaRow(capturedRows("BROKEN by duplicate key] SHOW SLAVE STATUS")[0]);
    const rep = server("rep", 23307, { server_id: 2, read_only: 1 }, [broken]);
    const p = findProblems([rep], 1100, 10).get("rep")!;
    expect(p.map((x) => x.code)).toEqual(["NotCheckedRecently", "ReplicationBroken"]);
    expect(p[1]).toMatchObject({ errno: 1062, severity: "critical" });
    expect(p[1].message).toMatch(/error 1062: .*Duplicate entry/);
  });
  it("flags unreachable servers", () => {
    const s = { ...server("s", 1, {}), status: evaluateServer({ ok: false, error: "Timed out" }, DEFAULT_THRESHOLDS, 1000, null) };
    expect(findProblems([s], 1000, 10).get("s")![0]).toMatchObject({ code: "Unreachable", severity: "critical" });
  });
  it("flags master-master pairs whose auto-increment series collide", () => {
    const toA = { ...healthyRow, sourcePort: 1 };
    const toB = { ...healthyRow, sourcePort: 2 };
    const a = server("a", 1, { server_id: 1, read_only: 1 }, [toB]);
    const b = server("b", 2, { server_id: 2, read_only: 1 }, [toA]);
    expect(codes(findProblems([a, b], 1000, 10), "a")).toEqual(["AutoIncrementCollision"]);
    const a2 = server("a", 1, { server_id: 1, read_only: 1, auto_increment_increment: 2, auto_increment_offset: 1 }, [toB]);
    const b2 = server("b", 2, { server_id: 2, read_only: 1, auto_increment_increment: 2, auto_increment_offset: 2 }, [toA]);
    expect(codes(findProblems([a2, b2], 1000, 10), "a")).toEqual([]);
  });
});

describe("relay checks", () => {
  it("flags a relay whose replica updates are not logged", () => {
    const top = server("top", 1, { server_id: 1 });
    const relay = server("relay", 23306, { server_id: 2, read_only: 1, log_replica_updates: 0 }, [{ ...healthyRow, sourcePort: 1 }]);
    const leaf = server("leaf", 3, { server_id: 3, read_only: 1 }, [healthyRow]);
    const p = findProblems([top, relay, leaf], 1000, 10);
    expect(codes(p, "relay")).toEqual(["RelayWithoutReplicaUpdates"]);
    expect(codes(p, "top")).toEqual([]);
  });
});

describe("autoIncrementCollides", () => {
  it.each([
    [{ inc: 2, off: 1 }, { inc: 2, off: 2 }, false],
    [{ inc: 1, off: 1 }, { inc: 1, off: 1 }, true],
    [{ inc: 2, off: 1 }, { inc: 3, off: 2 }, true],
    [{ inc: 4, off: 1 }, { inc: 2, off: 2 }, false],
    [{ inc: 2, off: 5 }, { inc: 2, off: 1 }, false],
    [{ inc: 2, off: 5 }, { inc: 2, off: 2 }, true],
    [{ inc: 3, off: 1 }, { inc: 3, off: 3 }, false],
    [{ inc: 6, off: 2 }, { inc: 4, off: 4 }, true],
    [{ inc: 6, off: 1 }, { inc: 4, off: 2 }, false],
  ])("%o vs %o → %s", (a, b, expected) => expect(autoIncrementCollides(a, b)).toBe(expected));

  it("agrees with enumerating both series (offset above the increment means multiples of the increment)", () => {
    const series = (inc: number, off: number) => new Set(Array.from({ length: 200 }, (_, k) => (off > inc ? inc : off) + k * inc));
    for (const [i1, o1, i2, o2] of [[2, 1, 2, 2], [3, 2, 5, 4], [4, 9, 6, 2], [10, 3, 15, 8], [7, 7, 7, 14], [1, 1, 5, 3]]) {
      const a = series(i1, o1);
      const shared = [...series(i2, o2)].some((x) => a.has(x));
      expect(autoIncrementCollides({ inc: i1, off: o1 }, { inc: i2, off: o2 })).toBe(shared);
    }
  });
});

describe("sourceFinder", () => {
  const a = server("a", 3306, { server_id: 7, server_uuid: "u-a" });
  const b = server("b", 3307, { server_id: 7, server_uuid: "u-b" });
  const c = { ...server("c", 3308, { server_id: 9 }), host: "DB.example" };
  const sourceOf = sourceFinder([a, b, c]);
  const ref = (o: Partial<{ sourceHost: string; sourcePort: number; sourceServerId: number | null; sourceUuid: string | null }>) => ({ sourceHost: "elsewhere", sourcePort: 1, sourceServerId: null, ...o });

  it("finds by host:port (host case-insensitively), then server_uuid, then server_id on the named port", () => {
    expect(sourceOf(ref({ sourceHost: "db.EXAMPLE", sourcePort: 3308 }))?.id).toBe("c");
    expect(sourceOf(ref({ sourceUuid: "u-b" }))?.id).toBe("b");
    expect(sourceOf(ref({ sourceServerId: 7, sourcePort: 3307 }))?.id).toBe("b");
    expect(sourceOf(ref({ sourceServerId: 7, sourcePort: 0 }))?.id).toBe("a");
    expect(sourceOf(ref({ sourceServerId: 7, sourcePort: 4000 }))).toBeUndefined();
    expect(sourceOf(ref({ sourceUuid: "unknown" }))).toBeUndefined();
  });

  it("answers as a scan in registry order would: the first matching server", () => {
    const twin = { ...a, id: "a2" };
    expect(sourceFinder([twin, a])(ref({ sourceHost: "127.0.0.1", sourcePort: 3306 }))?.id).toBe("a2");
  });
});
