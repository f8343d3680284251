// Changing a server's endpoint: the stored password is never sent to a new host or port; it must be entered again.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import { type LoginRecorder, startLoginRecorder } from "@/test/fakes/login-recorder";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-servers-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer, updateServer } = await import("./servers");
const { findServer } = await import("@/lib/data/servers");
const { listAudit } = await import("@/lib/data/audit");

const STORED = "stored-secret-pw";
let sb: Sandbox;
let attacker: LoginRecorder;
let id: string;
const dba = { actor: "dba", address: "192.0.2.7" };

beforeAll(async () => {
  [sb, attacker] = await Promise.all([startSandbox(), startLoginRecorder()]);
  await createUser(sb, "mon", "%", STORED, ["PROCESS"]);
  const r = await createServer({ name: "moved", host: sb.host, port: sb.port, user: "mon", password: STORED });
  if (!r.ok) throw new Error(r.error);
  expect(r.value.check.status).toBe("ok");
  id = r.value.server.id;
});

afterAll(async () => {
  await attacker.close();
  await teardownAll();
});

describe("updateServer: a new host or port needs the password again", () => {
  it("refuses a new port or host without a password (400 fieldErrors.password), changes nothing and contacts nobody", async () => {
    const before = await findServer(id);
    for (const change of [{ port: attacker.port }, { host: "localhost", port: attacker.port }, { host: "localhost" }]) {
      const r = await updateServer(id, { ...change, tags: ["moved"] }, dba);
      expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { password: ["Enter the password again when you change the host or port"] } });
    }
    expect(attacker.connections).toBe(0);
    expect(await findServer(id)).toEqual(before);
    const [entry] = await listAudit({ action: "server.update", actor: "dba" });
    expect(entry.error).toMatch(/password: Enter the password again/);
  });

  it("keeps the stored password when host and port are sent unchanged (as the edit form does)", async () => {
    const r = await updateServer(id, { host: sb.host, port: sb.port, tags: ["same"] });
    expect(r.ok).toBe(true);
    expect(attacker.connections).toBe(0);
  });

  it("with the password given, moves the server and tests the new endpoint with that password only", async () => {
    const r = await updateServer(id, { port: attacker.port, password: "typed-again" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.server.port).toBe(attacker.port);
    expect(r.value.check).toMatchObject({ status: "access_denied" });
    expect(attacker.logins.map((l) => l.user)).toEqual(["mon"]);
    expect(attacker.sawPassword("typed-again")).toBe(true);
    expect(attacker.sawPassword(STORED)).toBe(false);
  });
});

describe("updateServer: password-exchange settings belong to the endpoint", () => {
  const pem = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

  it("a new host or port with the password resets public-key retrieval and the pinned key; given in the same request, they stay", async () => {
    const a = await createServer({ name: "exchange", host: sb.host, port: sb.port, user: "mon", password: STORED, allowPublicKeyRetrieval: true, serverPublicKey: pem });
    if (!a.ok) throw new Error(a.error);
    const xid = a.value.server.id;
    expect(a.value.server.serverPublicKey).toContain("BEGIN PUBLIC KEY");
    expect(await findServer(xid)).toMatchObject({ allowPublicKeyRetrieval: true, serverPublicKey: pem });
    const moved = await updateServer(xid, { host: "localhost", port: attacker.port, password: "typed-again" });
    if (!moved.ok) throw new Error(moved.error);
    expect(await findServer(xid)).toMatchObject({ port: attacker.port, allowPublicKeyRetrieval: false, serverPublicKey: null });
    const again = await updateServer(xid, { host: sb.host, port: sb.port, password: STORED, allowPublicKeyRetrieval: true, serverPublicKey: pem });
    if (!again.ok) throw new Error(again.error);
    expect(await findServer(xid)).toMatchObject({ port: sb.port, allowPublicKeyRetrieval: true, serverPublicKey: pem });
    const sameEndpoint = await updateServer(xid, { host: sb.host, port: sb.port, tags: ["kept"] });
    expect(sameEndpoint.ok).toBe(true);
    expect(await findServer(xid)).toMatchObject({ allowPublicKeyRetrieval: true, serverPublicKey: pem });
  });
});
