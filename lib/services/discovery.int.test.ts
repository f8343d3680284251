// Discovery on real sandboxes: from one replica, the crawl finds its chain, a master-master partner and a dead replica;
// stored credentials go only to servers registered with them unless the operator opts in (proved by a login recorder).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandboxes, teardownAll, waitForCaughtUp, wireMasterMaster, wireReplication } from "@/sandbox";
import mysql from "mysql2/promise";
import { type AuthFake, type AuthScript, rsaKeyPair, selfSignedCert, startAuthFake } from "@/test/fakes/auth-fake";
import { type LoginRecorder, startLoginRecorder } from "@/test/fakes/login-recorder";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-discovery-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer, deleteServer } = await import("./servers");
const { listAudit } = await import("@/lib/data/audit");
const { NOT_CONTACTED, NOT_FOUND_BY_CRAWL, registerChoiceSchema, SEED_PASSWORD_NEEDED } = await import("@/lib/domain/discovery");
const { crawl, registerDiscovered, seedTargetFor } = await import("./discovery");
const { listServers, loadTarget } = await import("@/lib/data/servers");
const { connectionOptions } = await import("@/lib/mysql/connection");
const { probeServer } = await import("@/lib/mysql/probe");
const { monitor } = await import("./monitor");
const { topologyReport } = await import("./topology");

const PASSWORD = `disc'o\\very`;
let S: Sandbox, M2: Sandbox, R1: Sandbox, R2: Sandbox, dead: Sandbox;
let seedId: string;
/** evil: a host a monitored server names but nobody registered; own: a registered server with its own account. */
let evil: LoginRecorder, own: LoginRecorder;
let ownId: string;
const key = (sb: Sandbox) => `${sb.host}:${sb.port}`;
const operator = { actor: "olga", address: "192.0.2.9" };
/** A replication channel, never started, naming `port` as its source: what CHANGE MASTER by an attacker leaves. */
const pointAt = (sb: Sandbox, name: string, port: number) => sb.query(`CHANGE MASTER '${name}' TO MASTER_HOST='127.0.0.1', MASTER_PORT=${port}, MASTER_USER='x', MASTER_PASSWORD='x'`);

beforeAll(async () => {
  [S, M2, R1, R2, dead] = await startSandboxes(5);
  await createUser(S, "disc", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "REPLICATION MASTER ADMIN"]);
  await wireMasterMaster(S, M2);
  await wireReplication(S, R1);
  await wireReplication(R1, R2);
  await wireReplication(S, dead);
  await waitForCaughtUp(S, R2);
  await dead.kill9();
  const r = await createServer({ name: "seed-r2", host: R2.host, port: R2.port, user: "disc", password: PASSWORD, cluster: "disc" });
  if (!r.ok) throw new Error(r.error);
  seedId = r.value.server.id;
  [evil, own] = await Promise.all([startLoginRecorder(), startLoginRecorder()]);
  const o = await createServer({ name: "own-account", host: "127.0.0.1", port: own.port, user: "own-user", password: "own-pw" });
  if (!o.ok) throw new Error(o.error);
  ownId = o.value.server.id;
  await pointAt(R2, "evil", evil.port);
  await pointAt(R2, "own", own.port);
  own.reset();
});

afterAll(async () => {
  monitor().stop();
  await Promise.all([evil?.close(), own?.close()]);
  await teardownAll();
});

describe("discovery crawl", () => {
  it("without the opt-in, contacts only registered servers, each with its own credentials; the others are reported, not contacted", async () => {
    const r = await crawl(seedId, {}, operator);
    if (!r.ok) throw new Error(r.error);
    const byKey = new Map(r.value.servers.map((d) => [`${d.host}:${d.port}`, d]));
    expect(byKey.get(key(R2))).toMatchObject({ reachable: true, contacted: true, registeredAs: "seed-r2" });
    expect(byKey.get(key(R1))).toMatchObject({ reachable: false, contacted: false, reason: NOT_CONTACTED, foundVia: [`source of ${key(R2)}`] });
    expect(byKey.get(`127.0.0.1:${evil.port}`)).toMatchObject({ contacted: false, reason: NOT_CONTACTED, foundVia: [`source of ${key(R2)} (channel evil)`] });
    expect(evil.connections).toBe(0);
    expect(byKey.get(`127.0.0.1:${own.port}`)).toMatchObject({ contacted: true, registeredAs: "own-account", reason: expect.stringMatching(/access denied with the credentials registered for own-account \(own-user\)/) });
    expect(own.logins.map((l) => l.user)).toEqual(["own-user"]);
    expect(own.sawPassword("own-pw")).toBe(true);
    expect(own.sawPassword(PASSWORD)).toBe(false);
    expect(byKey.has(key(S))).toBe(false);
    const [entry] = await listAudit({ action: "discovery.crawl", actor: "olga" });
    expect(entry.statement).toMatch(/crawl from seed-r2; seed's credentials on servers not yet registered: off/);
  });

  it("with the opt-in (audited), tries the seed's credentials on unregistered servers: finds every server, says how, and why the dead one could not be read", async () => {
    own.reset();
    const r = await crawl(seedId, { trySeedCredentials: true }, operator);
    if (!r.ok) throw new Error(r.error);
    expect(evil.sawPassword(PASSWORD)).toBe(true);
    expect(own.sawPassword(PASSWORD)).toBe(false);
    const [entry] = await listAudit({ action: "discovery.crawl", actor: "olga" });
    expect(entry.statement).toMatch(/seed's credentials on servers not yet registered: on/);
    const byKey = new Map(r.value.servers.map((d) => [`${d.host}:${d.port}`, d]));
    for (const sb of [S, M2, R1, R2]) expect(byKey.get(key(sb))?.reachable).toBe(true);
    expect(byKey.get(key(R2))).toMatchObject({ depth: 0, registeredAs: "seed-r2" });
    expect(byKey.get(key(R1))!.foundVia).toContain(`source of ${key(R2)}`);
    expect(byKey.get(key(M2))!.foundVia.join(" ")).toMatch(/source of|listed by/);
    expect(byKey.get(key(dead))).toMatchObject({ reachable: false, reason: expect.stringMatching(/refused/i) });
    expect(byKey.get(key(dead))!.foundVia.join(" ")).toMatch(new RegExp(`listed by ${key(S)}`));
    await Promise.all(["evil", "own"].map((n) => R2.query(`RESET SLAVE '${n}' ALL`)));
    expect((await deleteServer(ownId)).ok).toBe(true);
  });

  it("registers the chosen servers with the seed's credentials; the graph has the right edges and roles", async () => {
    const results = await registerDiscovered(seedId, [
      { name: "disc-s", host: S.host, port: S.port },
      { name: "disc-m2", host: M2.host, port: M2.port },
      { name: "disc-r1", host: R1.host, port: R1.port },
    ], { use: "seed", password: PASSWORD }, operator);
    if (!results.ok) throw new Error(results.error);
    expect(results.value.map((x) => x.ok && x.status)).toEqual(["ok", "ok", "ok"]);
    await monitor().sweep();
    const { clusters } = await topologyReport();
    expect(clusters).toHaveLength(1);
    const c = clusters[0];
    const name = (id: string) => c.nodes.find((n) => n.id === id)!.name;
    expect(c.edges.map((e) => `${name(e.from)}->${name(e.to)}`).sort()).toEqual(["disc-m2->disc-s", "disc-r1->seed-r2", "disc-s->disc-m2", "disc-s->disc-r1"]);
    expect(Object.fromEntries(c.nodes.map((n) => [n.name, n.role]))).toEqual({ "disc-s": "co-source", "disc-m2": "co-source", "disc-r1": "relay", "seed-r2": "replica" });
    const [entry] = await listAudit({ action: "discovery.register", actor: "olga" });
    expect(entry.statement).toMatch(/with the seed's credentials \(disc\)/);
  });

  it("once they are registered, a crawl without the opt-in reads the whole chain with their own credentials", async () => {
    const r = await crawl(seedId);
    if (!r.ok) throw new Error(r.error);
    const byKey = new Map(r.value.servers.map((d) => [`${d.host}:${d.port}`, d]));
    for (const sb of [S, M2, R1, R2]) expect(byKey.get(key(sb))).toMatchObject({ reachable: true, contacted: true });
    expect(byKey.get(key(dead))).toMatchObject({ contacted: false, reason: NOT_CONTACTED });
  });

  it("registering a found server with other credentials sends those, never the seed's", async () => {
    await pointAt(R2, "evil", evil.port);
    expect((await crawl(seedId)).ok).toBe(true);
    await R2.query("RESET SLAVE 'evil' ALL");
    evil.reset();
    const r = await registerDiscovered(seedId, [{ name: "elsewhere", host: "127.0.0.1", port: evil.port }], { use: "other", user: "someone", password: "their-pw" });
    if (!r.ok) throw new Error(r.error);
    const [res] = r.value;
    expect(res).toMatchObject({ ok: true, status: "access_denied" });
    expect(evil.logins.map((l) => l.user)).toEqual(["someone"]);
    expect(evil.sawPassword("their-pw")).toBe(true);
    expect(evil.sawPassword(PASSWORD)).toBe(false);
  });
});

describe("registering with the seed's credentials is an endpoint change for its password", () => {
  const fakes: AuthFake[] = [];
  const admin = { actor: "adam", address: "192.0.2.10" };
  const keys = rsaKeyPair();
  const authFake = async (script: AuthScript, tls?: { key: string; cert: string }) => {
    const f = await startAuthFake({ script, password: PASSWORD, sendKey: keys, knownKeys: { server: keys }, tls });
    fakes.push(f);
    return f;
  };
  const learntNothing = (f: AuthFake) => {
    expect(f.sawPassword(PASSWORD)).toBe(false);
    expect(f.learnt).toEqual([]);
    expect(f.loggedIn).toBe(false);
  };
  afterAll(() => Promise.all(fakes.map((f) => f.close())));

  it("refuses (400) a host no crawl from the seed found, even with the seed's password; nothing registered, the host never contacted", async () => {
    const f = await authFake("full_auth");
    const r = await registerDiscovered(seedId, [{ name: "arbitrary", host: "127.0.0.1", port: f.port }], { use: "seed", password: PASSWORD }, admin);
    expect(r).toMatchObject({ ok: false, status: 400, error: `127.0.0.1:${f.port} ${NOT_FOUND_BY_CRAWL}.` });
    expect((await listServers()).some((s) => s.port === f.port)).toBe(false);
    expect(f.received).toEqual([]);
    const [entry] = await listAudit({ action: "discovery.register", actor: "adam" });
    expect(entry.error).toContain(NOT_FOUND_BY_CRAWL);
    expect(entry.statement).toMatch(/as if found from seed-r2/);
  });

  it("refuses (400) a host the crawl found when the seed's password is missing or wrong; the fake learns nothing", async () => {
    const f = await authFake("full_auth");
    await pointAt(R2, "fake", f.port);
    try {
      expect((await crawl(seedId, {}, operator)).ok).toBe(true);
    } finally {
      await R2.query("RESET SLAVE 'fake' ALL");
    }
    const choice = { seedId, servers: [{ name: "fake", host: "127.0.0.1", port: f.port }] };
    expect(registerChoiceSchema.safeParse({ ...choice, credentials: { use: "seed" } }).error?.issues[0].message).toBe(SEED_PASSWORD_NEEDED);
    for (const typed of ["wrong", "", `${PASSWORD} `]) {
      const r = await registerDiscovered(seedId, choice.servers, { use: "seed", password: typed }, admin);
      expect(r).toMatchObject({ ok: false, status: 400, error: "The seed's password does not match the stored one.", fieldErrors: { password: [SEED_PASSWORD_NEEDED] } });
    }
    expect((await listServers()).some((s) => s.port === f.port)).toBe(false);
    expect(f.received).toEqual([]);
    learntNothing(f);
  });

  it("the crawl's opt-in never sends a readable password to a found host, even when the seed verifies TLS and the host holds a trusted certificate for its name", async () => {
    const cert = selfSignedCert("IP:127.0.0.1");
    const seed = await loadTarget(seedId);
    const verifySeed = { ...seed!, password: seed!.password!, tlsMode: "verify" as const, keyPolicy: { ...seed!.keyPolicy, allowPublicKeyRetrieval: true } };
    for (const script of ["cleartext", "full_auth", "sha256"] as const) {
      const f = await authFake(script, cert);
      // What the crawl builds (and what it built before: the seed's target with the found host's address).
      for (const t of [seedTargetFor(verifySeed, "127.0.0.1", f.port), { ...verifySeed, host: "127.0.0.1", port: f.port }]) {
        const o = connectionOptions(t, 3000);
        // The certificate is trusted (as a publicly trusted one for the host's own name would be).
        await expect(mysql.createConnection({ ...o, ssl: { ...(o.ssl as object), ca: cert.cert } })).rejects.toMatchObject({ withheld: { reason: script === "cleartext" ? "cleartext" : "public_key" } });
      }
      expect((await probeServer(seedTargetFor(verifySeed, "127.0.0.1", f.port), 3000)).status).not.toBe("ok");
      learntNothing(f);
      expect(f.keyRequested).toBe(false);
    }
  });
});
