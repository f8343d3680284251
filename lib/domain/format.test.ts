import { describe, expect, it } from "vitest";
import { formatDuration, formatLag } from "./format";

describe("format", () => {
  it("formats durations", () => {
    expect([0, 0.25, 7, 12.34, 245, 10_920, 180_000].map(formatDuration)).toEqual(["0 s", "250 ms", "7 s", "12.3 s", "4 min 5 s", "3 h 2 min", "2 d 2 h"]);
  });
  it("never shows unknown lag as zero, and marks estimates", () => {
    expect(formatLag(null, null)).toBe("unknown");
    expect(formatLag(0, "seconds_behind")).toBe("0 s");
    expect(formatLag(42, "estimated")).toBe("unknown (≥ 42 s)");
  });
});
