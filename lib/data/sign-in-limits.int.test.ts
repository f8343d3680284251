// Shared sign-in limits on the real database (SQLite, or MariaDB with REPLSCOPE_TEST_BACKEND=mariadb): the sliding
// window, giving back and clearing, pruning, and racing reservations that never hand out more than the limit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-limits-"));
const { clearAttempts, pruneAttempts, releaseAttempt, reserveAttempt } = await import("./sign-in-limits");
const { db } = await import("./db");

const FIVE = { scope: "account", max: 5, windowMs: 1000 } as const;
const TWO = { scope: "address", max: 2, windowMs: 1000 } as const;
const taken = (r: Awaited<ReturnType<typeof reserveAttempt>>) => ("reservation" in r ? r.reservation : null);

describe("shared sign-in limits", () => {
  it("blocks after five attempts within the window, per key, until the oldest counted one expires", async () => {
    for (let i = 0; i < 4; i++) expect(taken(await reserveAttempt(FIVE, "a", 100 + i))).not.toBeNull();
    expect(taken(await reserveAttempt(FIVE, "a", 150))).not.toBeNull();
    expect(await reserveAttempt(FIVE, "a", 200)).toEqual({ waitMs: 900 });
    expect(taken(await reserveAttempt(FIVE, "b", 200))).not.toBeNull();
    expect(taken(await reserveAttempt(FIVE, "a", 1100))).not.toBeNull();
    expect(await reserveAttempt(FIVE, "a", 1100)).toEqual({ waitMs: 1 });
  });

  it("gives a released attempt back and forgets a key on success; keys are stored hashed", async () => {
    await reserveAttempt(TWO, "198.51.100.7", 1);
    const second = taken(await reserveAttempt(TWO, "198.51.100.7", 2))!;
    expect(await reserveAttempt(TWO, "198.51.100.7", 3)).toHaveProperty("waitMs");
    await releaseAttempt(second);
    expect(taken(await reserveAttempt(TWO, "198.51.100.7", 3))).not.toBeNull();
    await reserveAttempt(TWO, "acct", 3);
    await reserveAttempt(TWO, "acct", 4);
    await clearAttempts(TWO, "acct");
    expect(taken(await reserveAttempt(TWO, "acct", 5))).not.toBeNull();
    expect(JSON.stringify(await db().signInSlot.findMany())).not.toContain("198.51.100.7");
  });

  it("of 60 racing reservations for one key exactly 5 succeed", async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => reserveAttempt(FIVE, "raced", 5000)));
    expect(results.filter((r) => "reservation" in r)).toHaveLength(5);
    expect(await db().signInSlot.count({ where: { at: 5000 } })).toBe(5);
  });

  it("prunes attempts older than the window only", async () => {
    await reserveAttempt(FIVE, "fresh", 100_000);
    expect(await pruneAttempts(100_500, 1000)).toBeGreaterThan(0);
    expect(await db().signInSlot.count()).toBe(1);
  });
});
