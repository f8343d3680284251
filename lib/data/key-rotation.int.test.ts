// `npm run key:rotate` on a real SQLite database: every sealed secret moves to the new key, nothing else changes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-rotate-"));
process.env.REPLSCOPE_DATA_DIR = dataDir;
const servers = await import("./servers");
const { createRun } = await import("./bootstrap");
const { createSwitchover, forgetSwitchoverSecret } = await import("./switchover");
const { db } = await import("./db");
const { decodeKey, open, seal } = await import("./secret-box");
const channels = await import("./alert-channels");

const PASSWORDS = [`it's "a" \\ pass`, "second-secret ✓"];
const keyFile = path.join(dataDir, "secret.key");
const readKey = () => decodeKey(fs.readFileSync(keyFile, "utf8").trim());

function rotate(extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, REPLSCOPE_DATA_DIR: dataDir, ...extraEnv };
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/rotate-key.ts"], { env, encoding: "utf8" });
}

let nextPort = 3306;
async function register(name: string, password: string) {
  return servers.insertServer({ name, host: "127.0.0.1", port: nextPort++, user: "monitor", password, tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
}

describe("key rotation", () => {
  it("re-seals servers and run secrets under a new key file and keeps every value", async () => {
    const [a, b] = [await register("db-a", PASSWORDS[0]), await register("db-b", PASSWORDS[1])];
    const run = await createRun(a.id, b.id, {} as never, "repl-pw'\\");
    const sw = await createSwitchover(a.id, b.id, "admin", {} as never, "switch-pw");
    if (!("run" in run) || !("run" in sw)) throw new Error("setup failed");
    const before = readKey();
    const updatedBefore = (await db().server.findUniqueOrThrow({ where: { id: a.id } })).updatedAt;

    const r = rotate();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/4 credential\(s\) re-sealed/);
    expect(r.stdout + r.stderr).not.toMatch(/[0-9a-f]{64}/);
    const after = readKey();
    expect(after.equals(before)).toBe(false);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${keyFile}.new`)).toBe(false);

    const rowA = await db().server.findUniqueOrThrow({ where: { id: a.id } });
    const rowB = await db().server.findUniqueOrThrow({ where: { id: b.id } });
    expect([open(rowA.passwordEnc, after), open(rowB.passwordEnc, after)]).toEqual(PASSWORDS);
    expect(() => open(rowA.passwordEnc, before)).toThrow();
    expect(rowA.updatedAt).toEqual(updatedBefore);
    expect(open((await db().bootstrapRun.findUniqueOrThrow({ where: { id: run.run.id } })).secretEnc, after)).toBe("repl-pw'\\");
    expect(open((await db().switchoverRun.findUniqueOrThrow({ where: { id: sw.run.id } })).secretEnc, after)).toBe("switch-pw");
    await forgetSwitchoverSecret(sw.run.id);
  });

  it("re-seals alert channels' webhook secrets and SMTP passwords too", async () => {
    const base = { url: null, smtp: null, to: null, minSeverity: "warning", clusters: "[]" };
    const hook = await channels.insertChannel({ ...base, name: "hook", kind: "webhook", url: "http://127.0.0.1:1/", secretEnc: seal("hmac-secret", readKey()), smtpPasswordEnc: null });
    const mail = await channels.insertChannel({ ...base, name: "mail", kind: "email", secretEnc: null, smtpPasswordEnc: seal("smtp-pw", readKey()) });
    const before = readKey();
    const r = rotate();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/5 credential\(s\) re-sealed/);
    const after = readKey();
    const [h, m] = [await channels.findChannel(hook.id), await channels.findChannel(mail.id)];
    expect(open(h!.secretEnc!, after)).toBe("hmac-secret");
    expect(open(m!.smtpPasswordEnc!, after)).toBe("smtp-pw");
    expect(() => open(h!.secretEnc!, before)).toThrow();
    expect(m!.secretEnc).toBeNull();
  });

  it("changes nothing when a secret does not open with the current key", async () => {
    const keyBefore = fs.readFileSync(keyFile, "utf8");
    const c = await register("db-c", "third");
    await db().server.update({ where: { id: c.id }, data: { passwordEnc: "v1:" + Buffer.alloc(40).toString("base64") } });
    const sealedBefore = (await db().server.findMany({ orderBy: { name: "asc" } })).map((s) => s.passwordEnc);

    const r = rotate();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nothing changed .*server db-c/);
    expect(fs.readFileSync(keyFile, "utf8")).toBe(keyBefore);
    expect(fs.existsSync(`${keyFile}.new`)).toBe(false);
    expect((await db().server.findMany({ orderBy: { name: "asc" } })).map((s) => s.passwordEnc)).toEqual(sealedBefore);
  });

  it("refuses to run over the staged key of an interrupted rotation, and keeps that file", () => {
    const staged = `${keyFile}.new`;
    fs.writeFileSync(staged, "the key the database may now use", { mode: 0o600 });
    const keyBefore = fs.readFileSync(keyFile, "utf8");
    const r = rotate();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/earlier rotation was interrupted/);
    expect(fs.readFileSync(staged, "utf8")).toBe("the key the database may now use");
    expect(fs.readFileSync(keyFile, "utf8")).toBe(keyBefore);
    fs.rmSync(staged);
  });

  it("with the key in REPLSCOPE_SECRET_KEY, needs the new one in REPLSCOPE_NEW_SECRET_KEY", () => {
    const r = rotate({ REPLSCOPE_SECRET_KEY: "a".repeat(64) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/REPLSCOPE_NEW_SECRET_KEY/);
  });
});
