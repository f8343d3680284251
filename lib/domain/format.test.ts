import { describe, expect, it } from "vitest";
import { formatDuration, formatLag, thresholdsText } from "./format";

describe("format", () => {
  it("formats durations", () => {
    expect([0, 0.25, 7, 12.34, 245, 10_920, 180_000].map(formatDuration)).toEqual(["0 s", "250 ms", "7 s", "12.3 s", "4 min 5 s", "3 h 2 min", "2 d 2 h"]);
  });
  it("never shows unknown lag as zero, and marks estimates", () => {
    expect(formatLag(null, null)).toBe("unknown");
    expect(formatLag(0, "seconds_behind")).toBe("0 s");
    expect(formatLag(42, "estimated")).toBe("unknown (≥ 42 s)");
  });
  it("lists a server's thresholds, unset ones as the health defaults", () => {
    expect(thresholdsText(null, null)).toBe("warn 10 (default) s · critical 60 (default) s");
    expect(thresholdsText(5, null)).toBe("warn 5 s · critical 60 (default) s");
    expect(thresholdsText(null, 30, { warn: 3, crit: 9 })).toBe("warn 3 (default) s · critical 30 s");
  });
});
