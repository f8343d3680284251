import { describe, expect, it } from "vitest";
import { allows, credentialsSchema, LoginLimiter } from "./auth";

describe("roles", () => {
  it("orders viewer < operator < admin", () => {
    expect(allows("admin", "operator")).toBe(true);
    expect(allows("operator", "operator")).toBe(true);
    expect(allows("viewer", "operator")).toBe(false);
    expect(allows("operator", "admin")).toBe(false);
  });
  it("validates credentials", () => {
    expect(credentialsSchema.safeParse({ username: "on-call", password: "long enough pw" }).success).toBe(true);
    expect(credentialsSchema.safeParse({ username: "a b", password: "short" }).success).toBe(false);
  });
});

describe("LoginLimiter", () => {
  it("blocks after five failures within the window, per key", () => {
    const l = new LoginLimiter(5, 1000);
    for (let i = 0; i < 4; i++) l.fail(["user:a", "ip:1"], 100 + i);
    expect(l.blockedFor("user:a", 200)).toBe(0);
    l.fail(["user:a", "ip:1"], 150);
    expect(l.blockedFor("user:a", 200)).toBe(900);
    expect(l.blockedFor("user:b", 200)).toBe(0);
    expect(l.blockedFor("user:a", 1200)).toBe(0);
  });
});
