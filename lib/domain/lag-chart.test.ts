import { describe, expect, it } from "vitest";
import { chartGeometry, niceCeiling } from "./lag-chart";

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
