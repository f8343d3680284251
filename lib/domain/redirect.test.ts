import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it.each([
    ["/servers", "/servers"],
    ["/servers/abc?x=1#frag", "/servers/abc?x=1#frag"],
    ["/", "/"],
    ["/a/../b", "/b"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/.//evil.example/x", "/evil.example/x"],
    ["/./\\evil.example", "/evil.example"],
    ["/login?next=//evil.example", "/login?next=//evil.example"],
  ])("keeps the same-origin path %j as %j", (next, want) => expect(safeNextPath(next)).toBe(want));

  it.each([
    "/\\evil.example/x",
    "/\\\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "///evil.example",
    "/\t/evil.example/x",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    " /\\evil.example",
    "/\\\tevil.example",
    "https://evil.example/x",
    "https:evil.example",
    "http://evil.example",
    "HTTP://evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//user:pass@evil.example",
    "/\\user@evil.example",
    "evil.example",
    "",
  ])("refuses %j (→ /)", (next) => expect(safeNextPath(next)).toBe("/"));

  it("refuses what is not text or absurdly long", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(["/servers"])).toBe("/");
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("never returns something a browser would read as another host", () => {
    const tricky = ["/\\/evil", "/.//evil", "/./\\evil", "/%09/evil", "/\u0000/evil", "/\u00a0//evil", "/\u3002evil", "/..//evil", "/../\\evil"];
    for (const t of tricky) {
      const out = safeNextPath(t);
      expect(new URL(out, "https://replscope.example").host, t).toBe("replscope.example");
      expect(out.startsWith("//") || out.startsWith("/\\"), t).toBe(false);
    }
  });
});
