// Sign-in limits and first-run setup on a real SQLite database, under concurrency.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DATA = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-auth-"));
process.env.REPLSCOPE_DATA_DIR = DATA;
delete process.env.REPLSCOPE_ADMIN_USER;
delete process.env.REPLSCOPE_ADMIN_PASSWORD;
const { createUser, login } = await import("./auth");
const { prepareSetup, setupFirstAdmin } = await import("./setup");
const users = await import("@/lib/data/users");
const { db } = await import("@/lib/data/db");

const PASSWORD = "the right password 1";
const codeFile = path.join(DATA, "setup-code");

describe("first-run setup", () => {
  it("prints a one-time code at start, refuses a missing or wrong one, and counts wrong ones against the address", async () => {
    const code = await prepareSetup();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(fs.readFileSync(codeFile, "utf8").trim()).toBe(code);
    expect(fs.statSync(codeFile).mode & 0o777).toBe(0o600);
    const stored = JSON.stringify(await db().setupCode.findMany());
    expect(stored).not.toContain(code!);
    expect(stored).not.toContain(code!.replace(/-/g, ""));

    for (const wrong of [undefined, "", "AAAA-AAAA-AAAA-AAAA-AAAA", code!.slice(0, -1)]) {
      expect(await setupFirstAdmin({ username: "mallory", password: PASSWORD, code: wrong }, "198.51.100.1")).toMatchObject({ ok: false, fieldErrors: { code: ["Wrong setup code"] } });
    }
    for (let i = 0; i < 16; i++) await setupFirstAdmin({ username: "mallory", password: PASSWORD, code: `guess-${i}` }, "198.51.100.1");
    expect(await setupFirstAdmin({ username: "mallory", password: PASSWORD, code }, "198.51.100.1")).toMatchObject({ ok: false, error: expect.stringMatching(/Too many failed attempts/) });
    expect(await users.countUsers()).toBe(0);
    expect(await setupFirstAdmin({ username: "ab", password: "short", code: code!.toLowerCase().replace(/-/g, " ") }, "198.51.100.2")).toMatchObject({ ok: false, fieldErrors: { password: expect.any(Array) } });
  });

  it("creates exactly one admin when many setups with the right code race, then forgets the code", async () => {
    const code = await prepareSetup();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => setupFirstAdmin({ username: `admin${i}`, password: PASSWORD, code }, `198.51.100.${10 + i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(11).fill(expect.stringMatching(/already set up|setup code is wrong/)));
    expect(await db().user.findMany({ where: { role: "admin" } })).toHaveLength(1);
    expect(fs.existsSync(codeFile)).toBe(false);
    expect(await db().setupCode.count()).toBe(0);
    expect(await prepareSetup()).toBeNull();
    expect(await setupFirstAdmin({ username: "late", password: PASSWORD, code }, "198.51.100.99")).toEqual({ ok: false, error: "replscope is already set up: sign in instead." });
  });
});

describe("sign-in limits under concurrency", () => {
  it("evaluates at most 5 of 100 parallel wrong passwords for one account; the rest are refused before any check", async () => {
    await createUser({ username: "target", password: PASSWORD }, "viewer");
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => login("target", `guess number ${i}`, `203.0.113.${i + 1}`)));
    const errors = results.map((r) => (r.ok ? "ok" : r.error));
    expect(errors.filter((e) => e === "Wrong user name or password.")).toHaveLength(5);
    expect(errors.filter((e) => /^Too many failed sign-ins/.test(e))).toHaveLength(95);
    expect((await login("target", PASSWORD, "203.0.113.200")).ok).toBe(false);
  });

  it("evaluates at most 20 of 100 parallel wrong guesses from one address spread over many accounts", async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => login(`nobody${i}`, "some guess 123", "192.0.2.77")));
    const errors = results.map((r) => (r.ok ? "ok" : r.error));
    expect(errors.filter((e) => e === "Wrong user name or password.")).toHaveLength(20);
    expect(errors.filter((e) => /^Too many failed sign-ins/.test(e))).toHaveLength(80);
  });

  it("a successful sign-in gives its attempt back to the address and clears the account", async () => {
    await createUser({ username: "regular", password: PASSWORD }, "viewer");
    for (let i = 0; i < 30; i++) expect((await login("regular", PASSWORD, "192.0.2.88")).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login("regular", `typo ${i} 1234567`, "192.0.2.88");
    expect((await login("regular", PASSWORD, "192.0.2.88")).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login("regular", `typo ${i} 1234567`, "192.0.2.88");
    expect((await login("regular", PASSWORD, "192.0.2.88")).ok).toBe(true);
  });
});
