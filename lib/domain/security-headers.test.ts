import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("Content-Security-Policy", () => {
  it("allows scripts from our origin and the request's nonce only; no framing, plugins or foreign forms", () => {
    const d = directives(contentSecurityPolicy("abc123=="));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
  });

  it("adds eval and HMR sockets only for next dev", () => {
    expect(contentSecurityPolicy("n")).not.toMatch(/unsafe-eval|ws:/);
    expect(contentSecurityPolicy("n", true)).toMatch(/'unsafe-eval'.*connect-src 'self' ws: wss:/);
  });

  it("next.config.js gives static files the same policy without a nonce", async () => {
    const config = createRequire(import.meta.url)("../../next.config.js");
    const rules: { source: string; headers: { key: string; value: string }[] }[] = await config.headers();
    const csp = rules.find((r) => r.source === "/_next/static/:path*")!.headers.find((h) => h.key === "Content-Security-Policy")!.value;
    expect(csp).toBe(contentSecurityPolicy(null));
    const all = rules.find((r) => r.source === "/:path*")!.headers;
    for (const [key, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(all).toContainEqual({ key, value });
  });
});
