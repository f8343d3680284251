import { describe, expect, it } from "vitest";
import { crossSiteRefusal, type RequestFacts } from "./request-origin";

const base: RequestFacts = { method: "POST", path: "/api/servers", origin: "http://replscope.example:3000", secFetchSite: "same-origin", contentType: "application/json", hosts: ["replscope.example:3000"] };

describe("crossSiteRefusal", () => {
  it("lets same-origin JSON through, and every safe method", () => {
    expect(crossSiteRefusal(base)).toBeNull();
    expect(crossSiteRefusal({ ...base, secFetchSite: null })).toBeNull();
    expect(crossSiteRefusal({ ...base, contentType: "application/json; charset=utf-8" })).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: "https://REPLSCOPE.example:3000", secFetchSite: null })).toBeNull();
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(crossSiteRefusal({ ...base, method, origin: "https://evil.example", secFetchSite: "cross-site", contentType: "text/plain" })).toBeNull();
  });

  it("refuses another origin, whichever way the browser says so", () => {
    expect(crossSiteRefusal({ ...base, origin: "https://evil.example", secFetchSite: "cross-site" })).toMatch(/cross-site/);
    expect(crossSiteRefusal({ ...base, origin: "https://other.replscope.example", secFetchSite: "same-site" })).toMatch(/same-site/);
    expect(crossSiteRefusal({ ...base, origin: "https://evil.example", secFetchSite: null })).toMatch(/Origin does not match/);
    expect(crossSiteRefusal({ ...base, origin: "http://replscope.example:3001", secFetchSite: null })).toMatch(/Origin does not match/);
    expect(crossSiteRefusal({ ...base, origin: "null", secFetchSite: null })).toMatch(/Origin/);
    expect(crossSiteRefusal({ ...base, origin: null, secFetchSite: null })).toMatch(/without an Origin/);
    expect(crossSiteRefusal({ ...base, origin: "not a url", secFetchSite: null })).toMatch(/Origin/);
    expect(crossSiteRefusal({ ...base, hosts: [], secFetchSite: null })).toMatch(/Origin/);
  });

  it("accepts the forwarded host of a trusted proxy as ours", () => {
    expect(crossSiteRefusal({ ...base, origin: "https://dba.corp.example", secFetchSite: null, hosts: ["localhost:3000", "dba.corp.example"] })).toBeNull();
  });

  it("wants application/json on /api/* (a form or no-cors fetch cannot send it cross-origin), not on pages", () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null, "application/jsonp", "application/json-patch+json"]) {
      expect(crossSiteRefusal({ ...base, contentType }), String(contentType)).toMatch(/application\/json/);
    }
    expect(crossSiteRefusal({ ...base, path: "/logout", contentType: "application/x-www-form-urlencoded" })).toBeNull();
    expect(crossSiteRefusal({ ...base, path: "/servers/new", contentType: "multipart/form-data; boundary=x" })).toBeNull();
  });
});
