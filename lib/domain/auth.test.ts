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
  it("blocks after five attempts within the window, per key, until the oldest counted one expires", () => {
    const l = new LoginLimiter(5, 1000);
    for (let i = 0; i < 4; i++) l.reserve("user:a", 100 + i);
    expect(l.blockedFor("user:a", 200)).toBe(0);
    l.reserve("user:a", 150);
    expect(l.blockedFor("user:a", 200)).toBe(900);
    expect(l.blockedFor("user:b", 200)).toBe(0);
    expect(l.blockedFor("user:a", 1101)).toBe(0);
  });

  it("counts an attempt when it is reserved, before any outcome (parallel guesses cannot all pass the check)", () => {
    const l = new LoginLimiter(5, 60_000);
    const admitted = Array.from({ length: 100 }, () => {
      if (l.blockedFor("ip", 10) > 0) return false;
      l.reserve("ip", 10);
      return true;
    });
    expect(admitted.filter(Boolean)).toHaveLength(5);
  });

  it("gives a released attempt back and forgets a key on success", () => {
    const l = new LoginLimiter(2, 1000);
    l.reserve("ip", 1);
    l.reserve("ip", 2);
    expect(l.blockedFor("ip", 3)).toBeGreaterThan(0);
    l.release("ip", 2);
    expect(l.blockedFor("ip", 3)).toBe(0);
    l.reserve("acct", 3);
    l.reserve("acct", 4);
    l.succeed("acct");
    expect(l.blockedFor("acct", 5)).toBe(0);
  });

  it("keeps its memory bounded: expired keys are swept and beyond the cap the least recently used go first", () => {
    const l = new LoginLimiter(5, 1000, 100);
    for (let i = 0; i < 50; i++) l.reserve(`old${i}`, 0);
    l.reserve("fresh", 5000);
    expect(l.size).toBe(1);
    for (let i = 0; i < 1000; i++) l.reserve(`k${i}`, 6000 + i / 10);
    expect(l.size).toBe(100);
    expect(l.blockedFor("k999", 6200)).toBe(0);
    for (let i = 0; i < 5; i++) l.reserve("k999", 6200);
    expect(l.blockedFor("k999", 6200)).toBeGreaterThan(0);
    expect(l.size).toBe(100);
  });
});
