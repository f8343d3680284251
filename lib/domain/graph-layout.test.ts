import { describe, expect, it } from "vitest";
import { layoutClusters, layoutGraph, structureKey } from "./graph-layout";

describe("layoutGraph", () => {
  it("puts a source above its replicas and a chain in descending ranks", () => {
    const pos = layoutGraph(["s", "r1", "r2", "c"], [{ from: "s", to: "r1" }, { from: "s", to: "r2" }, { from: "r1", to: "c" }]);
    expect(pos.get("s")!.y).toBeLessThan(pos.get("r1")!.y);
    expect(pos.get("r1")!.y).toBe(pos.get("r2")!.y);
    expect(pos.get("c")!.y).toBeGreaterThan(pos.get("r1")!.y);
    expect(pos.get("r1")!.x).not.toBe(pos.get("r2")!.x);
  });
  it("lays out a master-master pair without failing", () => {
    const pos = layoutGraph(["a", "b"], [{ from: "a", to: "b" }, { from: "b", to: "a" }]);
    expect(pos.size).toBe(2);
  });
  it("keys structure, not live values", () => {
    expect(structureKey(["b", "a"], [{ id: "a->b" }])).toBe(structureKey(["a", "b"], [{ id: "a->b" }]));
    expect(structureKey(["a", "b"], [])).not.toBe(structureKey(["a", "b"], [{ id: "a->b" }]));
  });
});

describe("layoutClusters", () => {
  it("places clusters side by side without overlap, each laid out on its own", () => {
    const pos = layoutClusters([
      { nodes: [{ id: "a" }, { id: "b" }], edges: [{ from: "a", to: "b" }] },
      { nodes: [{ id: "c" }], edges: [] },
    ]);
    expect(pos.get("a")!.y).toBeLessThan(pos.get("b")!.y);
    expect(pos.get("c")!.x).toBeGreaterThanOrEqual(pos.get("a")!.x + 220);
  });
  it("wraps to a new row past the row width", () => {
    const pos = layoutClusters([{ nodes: [{ id: "a" }], edges: [] }, { nodes: [{ id: "b" }], edges: [] }], 300);
    expect(pos.get("b")!.x).toBe(0);
    expect(pos.get("b")!.y).toBeGreaterThan(pos.get("a")!.y);
  });
});
