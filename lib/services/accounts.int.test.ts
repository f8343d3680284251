// Account care on a real SQLite database: own password change, sign-out of other sessions, admin reset; all audited.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-accounts-"));
const { createUser, login } = await import("./auth");
const accounts = await import("./accounts");
const users = await import("@/lib/data/users");
const { listAudit } = await import("@/lib/data/audit");

const OLD = `o'ld \\pass "word" 1`;
const NEW = `n'ew \\pass "word" 2`;
const at = (actor: string) => ({ actor, address: "192.0.2.9" });

async function userWithSessions(name: string, password: string, n: number) {
  const u = await createUser({ username: name, password }, "viewer");
  if (!u.ok) throw new Error(u.error);
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await login(name, password, `192.0.2.${i + 1}`);
    if (!s.ok) throw new Error(s.error);
    tokens.push(s.token);
  }
  return { id: u.user.id, tokens };
}

describe("own account", () => {
  it("changes the password with the current one, keeps this session and ends the others", async () => {
    const { id, tokens: [mine, other] } = await userWithSessions("carol", OLD, 2);
    expect(await accounts.changeOwnPassword(id, { current: "wrong one 123", password: NEW, confirm: NEW }, mine, at("carol"))).toEqual({ ok: false, error: "The current password is wrong.", field: "current" });
    expect(await accounts.changeOwnPassword(id, { current: OLD, password: NEW, confirm: `${NEW}x` }, mine, at("carol"))).toMatchObject({ ok: false, field: "confirm" });
    expect(await accounts.changeOwnPassword(id, { current: OLD, password: "short", confirm: "short" }, mine, at("carol"))).toMatchObject({ ok: false, field: "password" });
    expect(await accounts.changeOwnPassword(id, { current: OLD, password: NEW, confirm: NEW }, mine, at("carol"))).toEqual({ ok: true });
    expect(await users.sessionPrincipal(mine)).toMatchObject({ name: "carol" });
    expect(await users.sessionPrincipal(other)).toBeNull();
    expect((await login("carol", OLD, "192.0.2.50")).ok).toBe(false);
    expect((await login("carol", NEW, "192.0.2.50")).ok).toBe(true);
    const audit = await listAudit({ actor: "carol", action: "account." });
    expect(audit.map((e) => e.error)).toEqual([null, expect.stringMatching(/12 characters/), "The two new passwords differ.", "The current password is wrong."]);
    expect(JSON.stringify(await listAudit({ take: 1000 }))).not.toMatch(/o'ld|n'ew/);
  });

  it("counts wrong current passwords against the sign-in limit (a stolen session cannot guess the password)", async () => {
    const { id, tokens: [mine] } = await userWithSessions("dave", OLD, 1);
    for (let i = 0; i < 5; i++) await accounts.changeOwnPassword(id, { current: `guess number ${i}`, password: NEW, confirm: NEW }, mine, at("dave"));
    expect(await accounts.changeOwnPassword(id, { current: OLD, password: NEW, confirm: NEW }, mine, at("dave"))).toMatchObject({ ok: false, error: expect.stringMatching(/Too many failed sign-ins/) });
  });

  it("signs out every other session on request", async () => {
    const { id, tokens: [mine, ...others] } = await userWithSessions("erin", OLD, 3);
    expect(await accounts.signOutOtherSessions(id, mine, at("erin"))).toBe(2);
    expect((await users.listActiveSessions(id, mine)).map((s) => s.current)).toEqual([true]);
    for (const t of others) expect(await users.sessionPrincipal(t)).toBeNull();
  });
});

describe("admin care of accounts", () => {
  it("sets another user's password and ends all of their sessions; refuses the admin's own account", async () => {
    const { id, tokens } = await userWithSessions("frank", OLD, 2);
    expect(await accounts.resetPassword("admin-id", id, { password: NEW, confirm: NEW }, at("boss"))).toEqual({ ok: true });
    for (const t of tokens) expect(await users.sessionPrincipal(t)).toBeNull();
    expect((await login("frank", NEW, "192.0.2.60")).ok).toBe(true);
    expect(await accounts.resetPassword(id, id, { password: NEW, confirm: NEW }, at("frank"))).toMatchObject({ ok: false, error: expect.stringMatching(/your account page/) });
    expect(await accounts.signOutUser(id, at("boss"))).toBe(1);
    expect((await users.activeSessionCounts()).get(id)).toBeUndefined();
    expect((await listAudit({ actor: "boss" })).map((e) => e.statement)).toEqual(["signed frank out everywhere (1 session(s))", "set frank's password; their sessions signed out"]);
  });
});
