// A server (or a man in the middle) asking for the password in a form it can read gets none of it: caching_sha2
// full authentication, sha256_password's key exchange, mysql_clear_password. Pinned keys, key retrieval an admin
// allowed, and verified TLS still work. The fake records every byte the client sends and tries its private keys.
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TlsMode } from "@/lib/domain/server-input";
import { type AuthFake, type AuthFakeOptions, type AuthScript, type KeyPair, rsaKeyPair, selfSignedCert, startAuthFake } from "@/test/fakes/auth-fake";
import { ConnectionCache } from "./connection-cache";
import { connectionOptions, openConnection, type ServerTarget } from "./connection";
import { probeServer } from "./probe";

const PASSWORD = `mon'it"or\\pw ✓`;
let serverKeys: KeyPair;
let pinnedKeys: KeyPair;
let cert: { key: string; cert: string };
let otherNameCert: { key: string; cert: string };
const fakes: AuthFake[] = [];

beforeAll(() => {
  [serverKeys, pinnedKeys] = [rsaKeyPair(), rsaKeyPair()];
  cert = selfSignedCert("IP:127.0.0.1");
  otherNameCert = selfSignedCert("DNS:db.example.com");
});
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function fake(script: AuthScript, extra: Partial<AuthFakeOptions> = {}) {
  const f = await startAuthFake({ script, password: PASSWORD, sendKey: serverKeys, knownKeys: { server: serverKeys, pinned: pinnedKeys }, ...extra });
  fakes.push(f);
  return f;
}

function target(f: AuthFake, o: { tlsMode?: TlsMode; allow?: boolean; pin?: string; policyPort?: number } = {}): ServerTarget {
  return {
    host: "127.0.0.1", port: f.port, user: "monitor", password: PASSWORD, tlsMode: o.tlsMode ?? "disabled",
    keyPolicy: { host: "127.0.0.1", port: o.policyPort ?? f.port, allowPublicKeyRetrieval: !!o.allow, serverPublicKey: o.pin ?? null },
  };
}

function expectNothingLeaked(f: AuthFake) {
  expect(f.received.length).toBeGreaterThan(0);
  expect(f.sawPassword(PASSWORD)).toBe(false);
  expect(f.learnt).toEqual([]);
  expect(f.keyRequested).toBe(false);
  expect(f.loggedIn).toBe(false);
}

/** Connects with replscope's options plus a trusted CA (verify mode with a test certificate). */
async function connectTrusting(t: ServerTarget, ca: string) {
  const o = connectionOptions(t, 3000);
  const conn = await mysql.createConnection({ ...o, ssl: { ...(o.ssl as object), ca } });
  const [rows] = await conn.query("SELECT VERSION() AS version");
  await conn.end();
  return rows;
}

const ASKS = [
  ["caching_sha2_password full authentication", "full_auth", "caching_sha2_password"],
  ["sha256_password's public-key exchange", "sha256", "sha256_password"],
  ["a switch to mysql_clear_password", "cleartext", "mysql_clear_password"],
] as const;

describe("a server asking for the password in a form it can read gets no password bytes", () => {
  it.each(ASKS)("%s, without TLS: the test says why and what to change", async (_what, script, plugin) => {
    const f = await fake(script);
    const r = await probeServer(target(f), 3000);
    expect(r.status).toBe("password_withheld");
    expect(r.detail).toContain(`(${plugin}`);
    expect(r.detail).toMatch(script === "cleartext" ? /verify certificate/ : /pin the server's RSA public key, or allow public-key retrieval/);
    expectNothingLeaked(f);
  });

  it.each(ASKS)("%s, over TLS whose certificate is not verified (required): a man in the middle reads TLS too", async (_what, script) => {
    const f = await fake(script, { tls: cert });
    const r = await probeServer(target(f, { tlsMode: "required" }), 3000);
    expect(r.status).toBe("password_withheld");
    expectNothingLeaked(f);
  });

  it("a trusted certificate issued for another name is not verified TLS (the host name is checked)", async () => {
    const f = await fake("full_auth", { tls: otherNameCert });
    await expect(connectTrusting(target(f, { tlsMode: "verify" }), otherNameCert.cert)).rejects.toMatchObject({ withheld: { reason: "public_key" } });
    expectNothingLeaked(f);
  });

  it("a server's settings do not follow its credentials to another endpoint (discovery, repointing)", async () => {
    const f = await fake("full_auth");
    const r = await probeServer(target(f, { allow: true, pin: pinnedKeys.publicKey, policyPort: f.port + 1 }), 3000);
    expect(r.status).toBe("password_withheld");
    expectNothingLeaked(f);
  });

  it("the poller's kept connection and the copy's lock connection refuse the same way", async () => {
    const f = await fake("full_auth");
    const cache = new ConnectionCache();
    await expect(cache.use("s1", target(f), { connectTimeoutMs: 3000, queryTimeoutMs: 3000 }, (c) => c.query("SELECT 1"))).rejects.toMatchObject({ withheld: { reason: "public_key", plugin: "caching_sha2_password" } });
    await expect(openConnection(target(f), 3000)).rejects.toMatchObject({ withheld: { reason: "public_key" } });
    expect(cache.size).toBe(0);
    expectNothingLeaked(f);
  });
});

describe("what may still send the password", () => {
  it("fast authentication (the SHA-256 scramble) reveals nothing and logs in", async () => {
    const f = await fake("fast_auth");
    expect(await probeServer(target(f), 3000)).toMatchObject({ status: "ok", version: "8.0.36" });
    expect(f.loggedIn).toBe(true);
    expect(f.sawPassword(PASSWORD)).toBe(false);
    expect(f.learnt).toEqual([]);
  });

  it.each(["full_auth", "sha256"] as const)("allowed public-key retrieval: the server's key is fetched and the password reaches it (%s)", async (script) => {
    const f = await fake(script);
    expect(await probeServer(target(f, { allow: true }), 3000)).toMatchObject({ status: "ok" });
    expect(f.keyRequested).toBe(true);
    expect(f.learnt.length).toBeGreaterThan(0);
    expect(f.learnt.every((l) => l.password === PASSWORD && l.via === "server")).toBe(true);
    expect(f.sawPassword(PASSWORD)).toBe(false);
  });

  it.each(["full_auth", "sha256"] as const)("a pinned key encrypts the password, never the key the server sends (%s)", async (script) => {
    const f = await fake(script);
    expect(await probeServer(target(f, { pin: pinnedKeys.publicKey, allow: true }), 3000)).toMatchObject({ status: "ok" });
    expect(f.keyRequested).toBe(false);
    expect(f.learnt.length).toBeGreaterThan(0);
    expect(f.learnt.every((l) => l.password === PASSWORD && l.via === "pinned")).toBe(true);
  });

  it("a pinned key that is not the server's own fails to log in, and still reveals nothing to the server's key", async () => {
    const f = await fake("full_auth", { knownKeys: { server: serverKeys } });
    expect(await probeServer(target(f, { pin: pinnedKeys.publicKey }), 3000)).toMatchObject({ status: "access_denied" });
    expect(f.learnt).toEqual([]);
    expect(f.sawPassword(PASSWORD)).toBe(false);
  });

  it.each(["full_auth", "cleartext"] as const)("verified TLS: the password travels in clear inside TLS (%s)", async (script) => {
    const f = await fake(script, { tls: cert });
    expect(await connectTrusting(target(f, { tlsMode: "verify" }), cert.cert)).toMatchObject([{ version: "8.0.36" }]);
    expect(f.learnt).toEqual([{ password: PASSWORD, via: "clear over TLS" }]);
  });
});
