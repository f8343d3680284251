import { describe, expect, it } from "vitest";
import { capturedRows } from "../__fixtures__/capture";
import { DEFAULT_THRESHOLDS } from "../health";
import type { ServerForProblems } from "../problems";
import { normaliseReplicaRow } from "../replica-status";
import { normaliseFacts } from "../server-facts";
import { evaluateServer } from "../server-status";
import { downstreamOf, repointTargets } from "./targets";

const row = normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]);
const facts = (serverId: number) => normaliseFacts({ server_id: serverId, read_only: 1, log_bin: 1, binlog_format: "ROW", log_replica_updates: 1 });

/** A registered server on 127.0.0.1:`port` replicating from the given ports. */
function server(name: string, port: number, from: number[] = [], cluster: string | null = null): ServerForProblems {
  const channels = from.map((p) => ({ ...row, sourceHost: "127.0.0.1", sourcePort: p, sourceServerId: p }));
  const status = evaluateServer({ ok: true, channels, facts: facts(port), source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1000, null);
  return { id: name, name, host: "127.0.0.1", port, cluster, status };
}
const names = (xs: ServerForProblems[]) => xs.map((s) => s.name);

describe("repoint targets", () => {
  // top → mid → leaf → tail, and top → sib; "other" is another topology.
  const fleet = [server("top", 1), server("mid", 2, [1]), server("leaf", 3, [2]), server("tail", 4, [3]), server("sib", 5, [1]), server("other", 6)];

  it("finds everything that replicates from a server, through intermediate replicas too", () => {
    expect([...downstreamOf(fleet, "mid")].sort()).toEqual(["leaf", "tail"]);
    expect([...downstreamOf(fleet, "top")].sort()).toEqual(["leaf", "mid", "sib", "tail"]);
    expect(downstreamOf(fleet, "tail").size).toBe(0);
  });

  it("offers siblings and upstream servers of the same topology, never itself, its source or its own replicas", () => {
    expect(names(repointTargets(fleet, "mid"))).toEqual(["sib"]);
    expect(names(repointTargets(fleet, "leaf"))).toEqual(["sib", "top"]);
    expect(names(repointTargets(fleet, "tail"))).toEqual(["mid", "sib", "top"]);
  });

  it("keeps master-master pairs out of loops and unknown servers empty", () => {
    const pair = [server("a", 1, [2]), server("b", 2, [1]), server("r", 3, [1])];
    expect(names(repointTargets(pair, "a"))).toEqual([]);
    expect(names(repointTargets(pair, "r"))).toEqual(["b"]);
    expect(repointTargets(pair, "nope")).toEqual([]);
  });
});
