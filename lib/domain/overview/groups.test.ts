import { describe, expect, it } from "vitest";
import type { HealthState } from "../health";
import { EMPTY_FILTER } from "./filter";
import { groupByCluster, overviewView, pageGroups } from "./groups";

const srv = (name: string, cluster: string | null, state: HealthState, problems = state === "ok" ? 0 : 1) =>
  ({ id: name, name, host: `${name}.local`, port: 3306, cluster, tags: name.endsWith("1") ? ["one"] : [], state, problems: Array(problems).fill(0) });

const fleet = [
  srv("a1", "alpha", "ok"), srv("a2", "alpha", "lagging"),
  srv("b1", "beta", "ok"), srv("b2", "beta", "broken"), srv("b3", "beta", "lagging"),
  srv("c1", "gamma", "ok"), srv("c2", "gamma", "ok"),
  srv("n1", null, "broken"),
];

describe("grouping by cluster", () => {
  it("puts the worst cluster first, with its state counts, servers worst first", () => {
    const g = groupByCluster(fleet);
    expect(g.map((x) => x.cluster)).toEqual(["beta", null, "alpha", "gamma"]);
    expect(g[0].counts).toEqual({ broken: 1, lagging: 1, ok: 1 });
    expect(g[0].servers.map((s) => s.name)).toEqual(["b2", "b3", "b1"]);
    expect(g[0].worst).toBe("broken");
    expect(g[3].worst).toBe("ok");
  });
});

describe("the overview's view of a filter", () => {
  it("counts chips after the search but before the state filter", () => {
    const v = overviewView(fleet, { ...EMPTY_FILTER, q: "beta", states: ["broken"] });
    expect(v.counts).toEqual({ broken: 1, lagging: 1, ok: 1 });
    expect(v.shown).toBe(1);
    expect(v.groups.map((g) => g.servers.map((s) => s.name))).toEqual([["b2"]]);
  });
  it("lists every problem first, across clusters, when asked", () => {
    const v = overviewView(fleet, { ...EMPTY_FILTER, problemsFirst: true });
    expect(v.groups).toHaveLength(1);
    expect(v.groups[0].servers.map((s) => s.name).slice(0, 4)).toEqual(["b2", "n1", "a2", "b3"]);
  });
  it("shows nothing when nothing matches", () => {
    expect(overviewView(fleet, { ...EMPTY_FILTER, q: "zzz" })).toEqual({ counts: {}, shown: 0, groups: [] });
  });
});

describe("paging the groups", () => {
  const many = Array.from({ length: 120 }, (_, i) => srv(`s${String(i).padStart(3, "0")}`, i < 100 ? "big" : "bad", i >= 100 ? "broken" : "ok"));
  it("collapses healthy clusters when there are many servers, and a toggle opens one", () => {
    const groups = groupByCluster(many);
    const closed = pageGroups(groups, new Set(), 50, many.length);
    expect(closed.groups.map((g) => [g.key, g.collapsed, g.visible.length])).toEqual([["bad", false, 20], ["big", true, 0]]);
    const open = pageGroups(groups, new Set(["big"]), 50, many.length);
    expect(open.groups[1].visible).toHaveLength(30);
    expect(open.hidden).toBe(70);
  });
  it("keeps every group open with few servers", () => {
    expect(pageGroups(groupByCluster(fleet), new Set(), 100, fleet.length).groups.every((g) => !g.collapsed)).toBe(true);
  });
});
