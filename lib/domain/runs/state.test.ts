import { describe, expect, it } from "vitest";
import { canMove, firstUndone, interrupt, isActive, pastPointOfNoReturn, reachedPointOfNoReturn, refusal, stepsToUndo } from "./state";

const steps = (...s: string[]) => s.map((status, i) => ({ id: ["check", "read_only", "promote", "repoint"][i], status: status as never }));

describe("run state machine", () => {
  it("finds the first step not done", () => {
    expect(firstUndone(["a", "b"], [])).toBe("a");
    expect(firstUndone(["a", "b"], [{ id: "a", status: "done" }, { id: "b", status: "failed" }])).toBe("b");
    expect(firstUndone(["a"], [{ stepId: "a", status: "done" }])).toBeNull();
  });
  it("refuses what makes no sense now, stop only while running", () => {
    expect(refusal("waiting", "advance")).toBeNull();
    expect(refusal("failed", "advance")).toMatch(/retry/);
    expect(refusal("stopped", "retry")).toMatch(/aborted/);
    expect(refusal("running", "stop")).toBeNull();
    expect(refusal("done", "stop")).toMatch(/not running/);
  });
  it("allows only the listed transitions; finished runs are final", () => {
    expect(canMove("running", "interrupted")).toBe(true);
    expect(canMove("done", "running")).toBe(false);
    expect(canMove("planned", "done")).toBe(false);
  });
  it("a failed run stays active (holds its servers) only when it pauses for a retry", () => {
    expect(isActive("failed", "pause")).toBe(true);
    expect(isActive("failed", "undo")).toBe(false);
    expect(isActive("waiting", "undo")).toBe(true);
    expect(isActive("interrupted", "undo")).toBe(false);
    expect(isActive("interrupted", "pause")).toBe(true);
    expect(isActive("aborted", "pause")).toBe(false);
  });
  it("reaches the point of no return when its step starts, passes it when its change is made", () => {
    expect(reachedPointOfNoReturn(steps("done", "running", "pending", "pending"), "promote")).toBe(false);
    expect(reachedPointOfNoReturn(steps("done", "done", "running", "pending"), "promote")).toBe(true);
    expect(pastPointOfNoReturn(steps("done", "done", "failed", "pending"), "promote", false)).toBe(false);
    expect(pastPointOfNoReturn(steps("done", "done", "failed", "pending"), "promote", true)).toBe(true);
    expect(pastPointOfNoReturn(steps("done", "done", "done", "failed"), "promote", false)).toBe(true);
    expect(pastPointOfNoReturn(steps("done", "done", "done", "failed"), undefined, true)).toBe(false);
  });
  it("undoes the started steps last first, and an interrupted step counts as failed", () => {
    expect(stepsToUndo(steps("done", "failed", "pending", "pending")).map((s) => s.id)).toEqual(["read_only", "check"]);
    expect(interrupt(steps("done", "running"), "t")[1]).toMatchObject({ status: "failed", error: /replscope stopped/, finishedAt: "t" });
  });
});
