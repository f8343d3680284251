// The shared plan: step order, the point of no return, and the pending steps a new run is stored with.
import { describe, expect, it } from "vitest";
import { FAILOVER_PLAN } from "../failover/plan";
import { followPosition } from "../operations/follow";
import { SWITCHOVER_PLAN } from "../switchover/plan";
import { pendingStep, runPlan } from "./plan";

describe("run plans", () => {
  it("a step is past the point of no return from that step on; an unknown step is not", () => {
    const p = runPlan([{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }], "b");
    expect(["a", "b", "c", "x"].map(p.pastNoReturn)).toEqual([false, true, true, false]);
  });
  it("the failover and the switchover both stop being undoable at promote", () => {
    expect(FAILOVER_PLAN.steps.map((s) => s.id)).toEqual(["verify_dead", "stop_receivers", "catch_up", "apply_relay", "promote", "repoint", "report"]);
    expect(FAILOVER_PLAN.steps.filter((s) => FAILOVER_PLAN.pastNoReturn(s.id)).map((s) => s.id)).toEqual(["promote", "repoint", "report"]);
    expect(SWITCHOVER_PLAN.steps.filter((s) => !SWITCHOVER_PLAN.pastNoReturn(s.id)).map((s) => s.id)).toEqual(["check", "source_read_only", "catch_up", "stop_replicas"]);
  });
  it("a new run's steps are pending with their labels and an empty log", () => {
    expect(pendingStep(FAILOVER_PLAN.steps[0])).toEqual({ id: "verify_dead", label: FAILOVER_PLAN.steps[0].label, status: "pending", startedAt: null, finishedAt: null, log: [], error: null });
  });
  it("followers position by GTID unless coordinates are used and known", () => {
    expect(followPosition(true, { file: "b.1", position: 4 })).toEqual({ kind: "gtid" });
    expect(followPosition(false, { file: "b.1", position: 4 })).toEqual({ kind: "file", file: "b.1", position: 4 });
    expect(followPosition(false)).toEqual({ kind: "gtid" });
  });
});
