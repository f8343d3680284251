// The copy step's programs (mariadb-dump, mariadb) read replscope's option file: a server asking for the password
// in a form it can read (which they would otherwise answer, even in clear text) gets none of it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthFake, type AuthScript, type KeyPair, rsaKeyPair, startAuthFake } from "@/test/fakes/auth-fake";
import type { ServerTarget } from "./connection";
import { copyTools, privateTempDir, writeOptionFile } from "./tools";

const PASSWORD = `cop'y"pw\\ ✓`;
let keys: KeyPair;
const fakes: AuthFake[] = [];
const tmp = privateTempDir();

beforeAll(() => {
  keys = rsaKeyPair();
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  tmp.remove();
});

const target = (f: AuthFake, allow = false): ServerTarget => ({
  host: "127.0.0.1", port: f.port, user: "copier", password: PASSWORD, tlsMode: "disabled",
  keyPolicy: { host: "127.0.0.1", port: f.port, allowPublicKeyRetrieval: allow, serverPublicKey: null },
});

/** Runs one of the copy programs against the fake; resolves with its exit code and stderr. */
function run(tool: "dump" | "client", optionFile: string): Promise<{ code: number; stderr: string }> {
  const bin = copyTools()[tool];
  const args = tool === "dump" ? [`--defaults-file=${optionFile}`, "--no-data", "mysql"] : [`--defaults-file=${optionFile}`, "-e", "SELECT 1"];
  return new Promise((resolve) => execFile(bin, args, { timeout: 10_000 }, (e, _out, stderr) => resolve({ code: e ? Number(e.code ?? 1) : 0, stderr })));
}

async function fake(script: AuthScript) {
  const f = await startAuthFake({ script, password: PASSWORD, sendKey: keys, knownKeys: { server: keys } });
  fakes.push(f);
  return f;
}

let n = 0;
describe.each(["dump", "client"] as const)("the copy's %s program", (tool) => {
  it.each(["full_auth", "sha256", "cleartext"] as const)("sends no password bytes to a server that asks for them readably (%s)", async (script) => {
    const f = await fake(script);
    const r = await run(tool, writeOptionFile(tmp.dir, `t${n++}`, target(f)));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/could not be loaded/);
    expect(f.received.length).toBeGreaterThan(0);
    expect(f.sawPassword(PASSWORD)).toBe(false);
    expect(f.learnt).toEqual([]);
    expect(f.keyRequested).toBe(false);
    expect(f.loggedIn).toBe(false);
  });

  it("with public-key retrieval allowed (TLS off) fetches the key for the SHA-2 exchange and logs in", async () => {
    const f = await fake("full_auth");
    await run(tool, writeOptionFile(tmp.dir, `t${n++}`, target(f, true)));
    expect(f.keyRequested).toBe(true);
    expect(f.loggedIn).toBe(true);
    expect(f.learnt).toEqual([{ password: PASSWORD, via: "server" }]);
    expect(f.sawPassword(PASSWORD)).toBe(false);
  });
});

it("the option file names a private plugin directory holding only plugins that cannot reveal the password", async () => {
  const f = await fake("fast_auth");
  const file = writeOptionFile(tmp.dir, "listing", target(f));
  const dir = /^plugin-dir="(.+)"$/m.exec(fs.readFileSync(file, "utf8"))![1];
  expect(path.dirname(dir)).toBe(tmp.dir);
  expect(fs.readdirSync(dir).every((p) => /^(client_ed25519|parsec)\.so$/.test(p))).toBe(true);
});
