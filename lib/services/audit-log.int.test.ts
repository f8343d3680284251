// The audit trail of app-level changes: every registry change and sign-in, with caller, address and result; no secrets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-audit-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer, updateServer, deleteServer, testServer } = await import("./servers");
const { createUser, login } = await import("./auth");
const { listAudit, listActors, auditFilterFrom } = await import("@/lib/data/audit");

const SECRET = `p'a"s\\s wörd`;
const dba = { actor: "dba", address: "192.0.2.7" };
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(teardownAll);

describe("audit trail of changes", () => {
  it("records create, test, update and delete with who, where, what and the result; never the password", async () => {
    const created = await createServer({ name: "audited", host: sb.host, port: sb.port, user: "root", password: SECRET }, dba);
    if (!created.ok) throw new Error(created.error);
    const id = created.value.server.id;
    await testServer(id, dba);
    await updateServer(id, { tags: ["x"], password: SECRET }, dba);
    expect((await updateServer(id, { port: 0 }, dba)).ok).toBe(false);
    await deleteServer(id, dba);
    expect((await deleteServer(id, dba)).ok).toBe(false);
    const entries = await listAudit({ actor: "dba", kind: "mutation" });
    expect(entries.map((e) => [e.action, e.error === null])).toEqual([
      ["server.delete", false], ["server.delete", true], ["server.update", false], ["server.update", true], ["server.test", true], ["server.create", true],
    ]);
    expect(entries.every((e) => e.address === "192.0.2.7" && e.serverId === id)).toBe(true);
    expect(entries.find((e) => e.action === "server.create")!.statement).toMatch(/name=audited, host=127\.0\.0\.1, .*password=\(set\) → test access_denied/);
    expect(entries.find((e) => e.action === "server.update" && e.error)!.error).toMatch(/port:/);
    expect(JSON.stringify(await listAudit({ take: 1000 }))).not.toContain("wörd");
  });

  it("an invalid registration is recorded as refused, and calls without a caller (tests, scripts) are not", async () => {
    await createServer({ name: "", host: "", user: "u", password: SECRET }, dba);
    await createServer({ name: "internal", host: sb.host, port: sb.port, user: "root", password: "" });
    const creates = await listAudit({ action: "server.create" });
    expect(creates).toHaveLength(2);
    expect(creates[0].error).toMatch(/Please correct the highlighted fields\. name: /);
  });

  it("records sign-ins that succeed and that fail, with the address", async () => {
    const made = await createUser({ username: "olga", password: "a long enough password" }, "operator");
    expect(made.ok).toBe(true);
    expect((await login("olga", "a long enough password", "198.51.100.1")).ok).toBe(true);
    expect((await login("olga", "wrong", "198.51.100.1")).ok).toBe(false);
    const logins = await listAudit({ action: "session.login", actor: "olga" });
    expect(logins.map((e) => [e.statement, e.error, e.address])).toEqual([
      ["sign-in refused", "Wrong user name or password.", "198.51.100.1"],
      ["signed in", null, "198.51.100.1"],
    ]);
    expect(await listActors()).toEqual(expect.arrayContaining(["dba", "olga"]));
  });

  it("filters by time range from query parameters (an until date includes that whole day)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(auditFilterFrom({ actor: "dba", until: today }))).length).toBeGreaterThan(0);
    expect(await listAudit(auditFilterFrom({ actor: "dba", until: "2000-01-01" }))).toEqual([]);
    expect(await listAudit(auditFilterFrom({ actor: "dba", since: "2999-01-01" }))).toEqual([]);
  });
});
