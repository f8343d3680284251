import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, filterQuery, matchesSearch, parseFilter, searchTerms, toggleState } from "./filter";

const params = (q: string) => new URLSearchParams(q);
const db = { name: "db-eu-7", host: "10.0.0.7", port: 3307, cluster: "payments", tags: ["eu", "ssd"] };

describe("overview filter in the URL", () => {
  it("reads a shared link, ignoring unknown states and ordering states worst first", () => {
    expect(parseFilter(params("q=pay&state=lagging,bogus,broken&view=problems"))).toEqual({ q: "pay", states: ["broken", "lagging"], problemsFirst: true });
    expect(parseFilter(params(""))).toEqual(EMPTY_FILTER);
  });
  it("writes a stable query that reads back to the same filter", () => {
    const f = { q: "eu tag:ssd", states: ["lagging" as const, "broken" as const], problemsFirst: false };
    const q = filterQuery(f);
    expect(q).toBe("?q=eu+tag%3Assd&state=broken%2Clagging");
    expect(parseFilter(params(q.slice(1)))).toEqual({ ...f, states: ["broken", "lagging"] });
    expect(filterQuery(EMPTY_FILTER)).toBe("");
  });
  it("toggles a chip on and off", () => {
    const on = toggleState(EMPTY_FILTER, "broken");
    expect(on.states).toEqual(["broken"]);
    expect(toggleState(on, "broken").states).toEqual([]);
  });
});

describe("overview search", () => {
  const m = (q: string) => matchesSearch(db, searchTerms(q));
  it("matches name, host:port, cluster and tags, case-insensitively", () => {
    expect(m("EU-7")).toBe(true);
    expect(m("10.0.0.7:3307")).toBe(true);
    expect(m("paym")).toBe(true);
    expect(m("ssd")).toBe(true);
    expect(m("hdd")).toBe(false);
  });
  it("needs every term, and a field prefix narrows a term", () => {
    expect(m("pay ssd")).toBe(true);
    expect(m("pay hdd")).toBe(false);
    expect(m("tag:eu")).toBe(true);
    expect(m("cluster:eu")).toBe(false);
    expect(m("host:3307")).toBe(true);
    expect(m("")).toBe(true);
  });
});
