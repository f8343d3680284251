// A failed query's error never carries its statement (mysql2's `.sql`, with any password in it) out of lib/mysql.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import { withConnection } from "./connection";

const SECRET = "Stmt-Secret-Pw-4242";
let S: Sandbox;

beforeAll(async () => {
  S = await startSandbox();
});
afterAll(async () => {
  await teardownAll();
});

describe("query errors", () => {
  it("a failing statement with a password: the thrown error has no `sql` and does not contain the password", async () => {
    const target = { host: S.host, port: S.port, user: "root", password: "", tlsMode: "disabled" as const };
    const err = await withConnection(target, { connectTimeoutMs: 3000, queryTimeoutMs: 3000 }, async (c) => {
      await c.query("CREATE USER 'dup'@'%' IDENTIFIED BY ?", [SECRET]);
      return c.query("CREATE USER 'dup'@'%' IDENTIFIED BY ?", [SECRET]); // already exists: error 1396
    }).then(() => null, (e: Error & { errno?: number; sql?: string }) => e);
    expect(err?.errno).toBe(1396);
    expect(err).not.toHaveProperty("sql");
    expect(JSON.stringify({ ...err, message: err?.message, stack: err?.stack })).not.toContain(SECRET);
  });
});

describe("query timeout", () => {
  it("a statement the server does not answer in time fails as a timeout, and its connection is closed at once", async () => {
    const target = { host: S.host, port: S.port, user: "root", password: "", tlsMode: "disabled" as const };
    const { err, next } = await withConnection(target, { connectTimeoutMs: 3000, queryTimeoutMs: 300 }, async (c) => {
      expect(await c.query<{ one: number }[]>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      const err = await c.query("SELECT SLEEP(20)").then(() => null, (e: Error & { code?: string }) => e);
      // Kept open, the session would answer this only after the sleep: 20 s, past the test's limit.
      const next = await c.raw.query("SELECT 1").then(() => "answered", (e: Error) => e.message);
      return { err, next };
    });
    expect(err?.code).toBe("PROTOCOL_SEQUENCE_TIMEOUT");
    expect(err?.message).toBe("Query inactivity timeout");
    expect(next).toMatch(/closed state/);
  });
});
