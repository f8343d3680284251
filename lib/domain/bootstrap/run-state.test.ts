import { describe, expect, it } from "vitest";
import { nextStep, refusal } from "./run-state";

describe("run state", () => {
  it("finds the next step", () => {
    expect(nextStep([])).toBe("preflight");
    expect(nextStep([{ stepId: "preflight", status: "done" }, { stepId: "replication_user", status: "failed" }])).toBe("replication_user");
  });
  it("allows only what makes sense", () => {
    expect(refusal("waiting", "advance")).toBeNull();
    expect(refusal("failed", "advance")).toMatch(/retry/);
    expect(refusal("interrupted", "retry")).toBeNull();
    expect(refusal("running", "abort")).toMatch(/running/);
    expect(refusal("done", "abort")).toMatch(/complete/);
    expect(refusal("waiting", "retry")).toMatch(/Nothing to retry/);
  });
});
