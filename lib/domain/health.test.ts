import { describe, expect, it } from "vitest";
import { classifyChannel, compareHealth, DEFAULT_THRESHOLDS, thresholdsFor, worstHealth } from "./health";
import { capturedRows } from "./__fixtures__/capture";
import { normaliseReplicaRow } from "./replica-status";

const healthy = normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]);
const broken = normaliseReplicaRow(capturedRows("BROKEN by duplicate key] SHOW SLAVE STATUS")[0]);
const sourceDown = normaliseReplicaRow(capturedRows("while master 23306 is shut down")[0]);
const delayed = normaliseReplicaRow(capturedRows("MASTER_DELAY=30] SHOW SLAVE STATUS")[0]);
const T = DEFAULT_THRESHOLDS;

describe("classifyChannel", () => {
  it("a healthy replica is ok with lag 0 from Seconds_Behind", () => {
    expect(classifyChannel(healthy, T, 100, null, null)).toMatchObject({ state: "ok", lagSeconds: 0, lagSource: "seconds_behind" });
  });
  it("compares lag with the thresholds", () => {
    expect(classifyChannel({ ...healthy, secondsBehind: 10 }, T, 100, null, null).state).toBe("lagging");
    expect(classifyChannel({ ...healthy, secondsBehind: 60 }, T, 100, null, null).state).toBe("critical");
    expect(classifyChannel({ ...healthy, secondsBehind: 60 }, { warn: 100, crit: 200 }, 100, null, null).state).toBe("ok");
  });
  it("a deliberately delayed replica is ok while it lags by its delay; only lag beyond it counts", () => {
    const delayed = { ...healthy, sqlDelay: 30, secondsBehind: 29 };
    expect(classifyChannel(delayed, T, 100, null, null)).toMatchObject({ state: "ok", lagSeconds: 29 });
    expect(classifyChannel({ ...delayed, secondsBehind: 45 }, T, 100, null, null).state).toBe("lagging");
    expect(classifyChannel({ ...delayed, secondsBehind: 95 }, T, 100, null, null).state).toBe("critical");
  });
  it("the captured MASTER_DELAY=30 replica, 14 s behind, is ok", () => {
    expect(classifyChannel(delayed, T, 100, null, null)).toMatchObject({ state: "ok", lagSeconds: 14, lagSource: "seconds_behind" });
  });
  it("a source that stays down: the estimate keeps growing from the last measured lag across polls", () => {
    const first = classifyChannel({ ...healthy, secondsBehind: 3 }, T, 100, null, null);
    const second = classifyChannel(sourceDown, T, 110, null, first.lastKnown);
    const third = classifyChannel(sourceDown, T, 170, null, second.lastKnown);
    expect([second.lagSeconds, third.lagSeconds]).toEqual([13, 73]);
    expect(third).toMatchObject({ state: "connecting", lagSource: "estimated", lastKnown: { lagSeconds: 3, at: 100 } });
  });
  it("an estimate is never 0, even right after a caught-up measurement (0 would read as caught up)", () => {
    const r = classifyChannel(sourceDown, T, 100.02, null, { lagSeconds: 0, at: 100 });
    expect(r).toMatchObject({ state: "connecting", lagSeconds: 0.1, lagSource: "estimated" });
  });
  it("a broken replica is broken, and its unknown lag grows from the last known value", () => {
    expect(classifyChannel(broken, T, 100, null, null)).toMatchObject({ state: "broken", lagSeconds: null, lagSource: null });
    const r = classifyChannel(broken, T, 130, null, { lagSeconds: 2, at: 100 });
    expect(r).toMatchObject({ state: "broken", lagSeconds: 32, lagSource: "estimated" });
    expect(r.lastKnown).toEqual({ lagSeconds: 2, at: 100 });
  });
  it("a stopped applier is stopped with lag unknown, never 0", () => {
    const stopped = { ...healthy, sqlThread: "stopped" as const, secondsBehind: null };
    const r = classifyChannel(stopped, T, 100, null, null);
    expect(r.state).toBe("stopped");
    expect(r.lagSeconds).toBeNull();
  });
  it("a replica whose source is down is connecting", () => {
    expect(classifyChannel(sourceDown, T, 100, null, null).state).toBe("connecting");
  });
  it("heartbeat lag wins, and stays measured while the applier is stopped", () => {
    expect(classifyChannel({ ...healthy, secondsBehind: 0 }, T, 100, 12.5, null)).toMatchObject({ state: "lagging", lagSeconds: 12.5, lagSource: "heartbeat" });
    expect(classifyChannel(broken, T, 100, 40, null)).toMatchObject({ state: "broken", lagSeconds: 40, lagSource: "heartbeat" });
  });
  it("running threads without a lag figure are unknown, not ok", () => {
    expect(classifyChannel({ ...healthy, secondsBehind: null }, T, 100, null, null)).toMatchObject({ state: "unknown", lagSeconds: null });
  });
});

describe("thresholds and worst state", () => {
  it("per-server thresholds override the defaults", () => {
    expect(thresholdsFor(5, null)).toEqual({ warn: 5, crit: 60 });
    expect(thresholdsFor(90, null)).toEqual(DEFAULT_THRESHOLDS);
    const strict = thresholdsFor(2, 5);
    expect(classifyChannel({ ...healthy, secondsBehind: 3 }, strict, 100, null, null).state).toBe("lagging");
    expect(classifyChannel({ ...healthy, secondsBehind: 3 }, T, 100, null, null).state).toBe("ok");
  });
  it("sorts worst first: broken and unreachable before lag, unknown never reads as ok", () => {
    const sorted = (["ok", "unknown", "lagging", "critical", "unreachable", "broken"] as const).slice().sort(compareHealth);
    expect(sorted).toEqual(["broken", "unreachable", "critical", "lagging", "unknown", "ok"]);
  });
  it("the worst channel decides", () => {
    expect(worstHealth(["ok", "lagging", "broken", "stopped"])).toBe("broken");
    expect(worstHealth([])).toBe("ok");
  });
});
