import { describe, expect, it } from "vitest";
import type { HealthState } from "../health";
import { EMPTY_FILTER } from "./filter";
import { overviewPage, PAGE_ROWS, pageRequestQuery, parsePageRequest } from "./page";

const srv = (name: string, cluster: string | null, state: HealthState, stale = false) =>
  ({ id: name, name, host: `${name}.local`, port: 3306, cluster, tags: [], state, stale, problems: state === "ok" ? [] : [1] });

const big = Array.from({ length: 60 }, (_, i) => srv(`ok${String(i).padStart(2, "0")}`, "calm", "ok", i < 3));
const fleet = [srv("b1", "hot", "broken"), srv("b2", "hot", "ok"), ...big];

describe("one page of the overview", () => {
  it("sends every group's counts but no rows of collapsed groups, and converts only drawn rows", () => {
    const converted: string[] = [];
    const page = overviewPage(fleet, { filter: EMPTY_FILTER, toggled: [], limit: PAGE_ROWS }, (s) => (converted.push(s.name), s.name));
    expect(page.groups.map((g) => [g.cluster, g.size, g.collapsed, g.rows])).toEqual([["hot", 2, false, ["b1", "b2"]], ["calm", 60, true, []]]);
    expect(page.groups[1].counts).toEqual({ ok: 60 });
    expect(converted).toEqual(["b1", "b2"]);
    expect(page).toMatchObject({ total: 62, shown: 62, stale: 3, hidden: 0, counts: { broken: 1, ok: 61 } });
  });

  it("opens a toggled group and stops at the limit, counting the rest as hidden", () => {
    const page = overviewPage(fleet, { filter: EMPTY_FILTER, toggled: ["calm"], limit: 10 }, (s) => s.name);
    expect(page.groups[1].rows).toEqual(["ok00", "ok01", "ok02", "ok03", "ok04", "ok05", "ok06", "ok07"]);
    expect(page.hidden).toBe(52);
  });

  it("filters by search and state before paging; chips count the search only", () => {
    const page = overviewPage(fleet, { filter: { q: "b", states: ["broken"], problemsFirst: true }, toggled: [], limit: PAGE_ROWS }, (s) => s.name);
    expect(page.groups).toHaveLength(1);
    expect(page).toMatchObject({ flat: true, q: "b" });
    expect(page.groups[0].rows).toEqual(["b1"]);
    expect(page).toMatchObject({ shown: 1, total: 62, counts: { broken: 1, ok: 1 } });
  });
});

describe("the page request in the query string", () => {
  it("round-trips, in a stable order", () => {
    const r = { filter: { q: "db 1", states: ["broken" as const], problemsFirst: false }, toggled: ["b", "a&c"], limit: 400 };
    const q = pageRequestQuery(r);
    expect(q).toBe("?q=db+1&state=broken&open=a%26c&open=b&limit=400");
    expect(parsePageRequest(new URLSearchParams(q))).toEqual({ ...r, toggled: ["a&c", "b"] });
    expect(pageRequestQuery({ filter: EMPTY_FILTER, toggled: [], limit: PAGE_ROWS })).toBe("");
  });

  it("clamps a bad limit", () => {
    expect(parsePageRequest(new URLSearchParams("limit=abc")).limit).toBe(PAGE_ROWS);
    expect(parsePageRequest(new URLSearchParams("limit=-5")).limit).toBe(1);
    expect(parsePageRequest(new URLSearchParams("limit=1e9")).limit).toBe(100_000);
  });
});
