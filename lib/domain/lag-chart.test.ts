import { describe, expect, it } from "vitest";
import { axisTopFor, chartGeometry, isFlatAtZero, lagY, niceCeiling, readingAt, sourceWords, sparklinePaths, tickLabel, timeTicks, typicalInterval } from "./lag-chart";

describe("lag chart geometry", () => {
  it("rounds the axis to a nice ceiling", () => {
    expect([0.3, 1, 7, 12, 60, 61, 450].map(niceCeiling)).toEqual([1, 1, 10, 20, 100, 100, 500]);
  });
  it("breaks the line where lag is unknown and shades that stretch instead of drawing zero", () => {
    const g = chartGeometry(
      [
        { at: 0, lag: 0 },
        { at: 10, lag: 5 },
        { at: 20, lag: null },
        { at: 30, lag: null },
        { at: 40, lag: 10 },
        { at: 50, lag: 2 },
      ],
      0, 50, 500, 100,
    );
    expect(g.paths).toHaveLength(2);
    expect(g.paths[0]).toBe("M0.0,100.0 L100.0,50.0");
    expect(g.paths[1]).toBe("M400.0,0.0 L500.0,80.0");
    expect(g.unknown).toEqual([{ x: 200, width: 200 }]);
    expect(g.maxLag).toBe(10);
  });
  it("shades a trailing unknown stretch", () => {
    const g = chartGeometry([{ at: 0, lag: 1 }, { at: 5, lag: null }, { at: 10, lag: null }], 0, 10, 100, 50);
    expect(g.paths).toEqual(["M0.0,0.0"]);
    expect(g.unknown).toEqual([{ x: 50, width: 50 }]);
  });
});

describe("lag chart axes, thresholds and hover", () => {
  it("breaks the line where the poller was silent longer than the gap", () => {
    const g = chartGeometry([{ at: 0, lag: 1 }, { at: 10, lag: 1 }, { at: 100, lag: 1 }, { at: 110, lag: 1 }], 0, 110, 110, 10, 1, 30);
    expect(g.paths).toEqual(["M0.0,0.0 L10.0,0.0", "M100.0,0.0 L110.0,0.0"]);
    expect(g.unknown).toEqual([{ x: 10, width: 90 }]);
  });
  it("labels a time axis with whole steps", () => {
    const from = Date.parse("2026-12-02T09:03:10Z") / 1000;
    const { step, ticks } = timeTicks(from, from + 3600, 4);
    expect(step).toBe(900);
    expect(ticks.map((t) => tickLabel(t, step))).toEqual(["09:15", "09:30", "09:45", "10:00"]);
    expect(tickLabel(ticks[0], step, 60)).toBe("10:15");
    expect(timeTicks(from, from + 7 * 86_400).step).toBe(172_800);
    expect(tickLabel(from, 86_400)).toBe("12-02");
  });
  it("makes room for the warning threshold and the configured delay", () => {
    expect(axisTopFor([{ at: 0, lag: 0 }], 10)).toBe(20);
    expect(axisTopFor([{ at: 0, lag: 0 }], 10, 30)).toBe(50);
    expect(axisTopFor([{ at: 0, lag: 300 }], 10)).toBe(500);
    expect(lagY(10, 20, 100)).toBe(50);
    expect(lagY(60, 20, 100)).toBe(0);
  });
  it("reads the nearest sample with its source, and nothing inside a gap", () => {
    const pts = [{ at: 0, lag: 0, source: "heartbeat" }, { at: 10, lag: 4, source: "seconds_behind" }, { at: 100, lag: null, source: "unknown" }];
    expect(readingAt(pts, 8, 15)).toEqual({ at: 10, lag: 4, source: "seconds_behind", channel: undefined });
    expect(readingAt(pts, 55, 15)).toBeNull();
    expect(readingAt(pts, 99, 15)?.lag).toBeNull();
    expect(sourceWords("estimated")).toBe("estimated");
    expect(sourceWords("unknown")).toBe("unknown (not reachable)");
  });
  it("notices a flat line at zero, and the usual sample spacing", () => {
    expect(isFlatAtZero([{ at: 0, lag: 0 }, { at: 1, lag: null }])).toBe(true);
    expect(isFlatAtZero([{ at: 0, lag: 0 }, { at: 1, lag: 2 }])).toBe(false);
    expect(isFlatAtZero([{ at: 0, lag: null }])).toBe(false);
    expect(typicalInterval([{ at: 0, lag: 0 }, { at: 2, lag: 0 }, { at: 4, lag: 0 }, { at: 60, lag: 0 }])).toBe(2);
  });
  it("draws a sparkline with gaps", () => {
    expect(sparklinePaths([0, 2, null, 4], 30, 10)).toEqual({ paths: ["M0.0,10.0 L10.0,6.0", "M30.0,2.0"], top: 5 });
  });
});
