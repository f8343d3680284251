// The real server (scripts/start.mjs → scripts/server.mjs → Next.js): the audited client address is the socket's,
// whatever X-Forwarded-For or a forged peer header says, unless the peer is in REPLSCOPE_TRUSTED_PROXIES.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/sandbox";

const TOKEN = "client-address-token-0123456789";
let app: ChildProcess | null = null;
let base = "";

async function startApp(env: Record<string, string>) {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-addr-"));
  app = spawn(process.execPath, ["scripts/start.mjs"], { detached: true, stdio: "ignore", env: { ...process.env, PORT: String(port), REPLSCOPE_DATA_DIR: data, REPLSCOPE_POLLER: "off", REPLSCOPE_API_TOKEN: TOKEN, ...env } });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/api/servers`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start");
}

// The build (when the sources changed) happens once here, never inside a test's start-up wait, where a timeout would kill it.
beforeAll(() => {
  const r = spawnSync(process.execPath, ["scripts/start.mjs", "--build-only"], { stdio: "ignore" });
  if (r.status !== 0) throw new Error(`the app did not build (exit ${r.status})`);
}, 1_200_000);

afterEach(() => {
  if (app?.pid) process.kill(-app.pid, "SIGKILL");
  app = null;
});

/** Makes an audited (refused) registration with the given extra headers; returns the address the audit trail recorded. */
async function auditedAddress(name: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/api/servers`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers }, body: JSON.stringify({ name, host: "" }) });
  expect(res.status).toBe(400);
  const { entries } = await (await fetch(`${base}/api/audit?action=server.create`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  const entry = entries.find((e: { statement: string }) => e.statement.includes(name));
  expect(entry, name).toBeDefined();
  return entry.address;
}

describe("client address behind the real server", () => {
  it("without trusted proxies: the socket address, never X-Forwarded-For, X-Real-IP or a forged peer header", async () => {
    await startApp({});
    expect(await auditedAddress("plain", {})).toBe("127.0.0.1");
    expect(await auditedAddress("forged-xff", { "X-Forwarded-For": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await auditedAddress("forged-chain", { "X-Forwarded-For": "6.6.6.6, 203.0.113.7", "X-Real-IP": "203.0.113.8" })).toBe("127.0.0.1");
    expect(await auditedAddress("forged-peer", { "x-replscope-peer": "10.1.1.1", "X-Forwarded-For": "203.0.113.7" })).toBe("127.0.0.1");
  }, 300_000);

  it("with the peer in REPLSCOPE_TRUSTED_PROXIES: the right-most X-Forwarded-For address that is not a trusted proxy", async () => {
    await startApp({ REPLSCOPE_TRUSTED_PROXIES: "127.0.0.0/8, ::1, 10.0.0.0/8" });
    expect(await auditedAddress("via-proxy", { "X-Forwarded-For": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(await auditedAddress("via-two-proxies", { "X-Forwarded-For": "6.6.6.6, 2001:db8::7, 10.2.3.4" })).toBe("2001:db8::7");
    expect(await auditedAddress("proxy-without-xff", {})).toBe("127.0.0.1");
  }, 300_000);

  it("a peer header sent by the client cannot make it look like a trusted proxy", async () => {
    await startApp({ REPLSCOPE_TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(await auditedAddress("fake-proxy", { "x-replscope-peer": "10.1.1.1", "X-Forwarded-For": "203.0.113.9" })).toBe("127.0.0.1");
  }, 300_000);
});

/** The id of the sign-in server action in the build the app runs (.next/server/server-reference-manifest.json). */
function loginActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === "loginAction" && a.filename?.includes("lib/actions/auth"))?.[0];
  if (!id) throw new Error("loginAction not found in the server-reference manifest");
  return id;
}

/** Posts the sign-in server action to `urlPath` from the local address `from` (a page that lacks the action makes Next.js re-send it to itself). */
function postLoginAction(urlPath: string, from: string, username: string, headers: Record<string, string>): Promise<number> {
  const boundary = "----replscope-test-boundary";
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  // React's reply encoding: the FormData argument's fields as _1_<name>, then the root ["prev state", "$K1"] last.
  const body = field("_1_username", username) + field("_1_password", "wrong-password") + field("0", '[{},"$K1"]') + `--${boundary}--\r\n`;
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: urlPath, method: "POST", localAddress: from, headers: { "Next-Action": loginActionId(), "Content-Type": `multipart/form-data; boundary=${boundary}`, Accept: "text/x-component", ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The addresses the audit trail recorded for sign-in attempts as `username`. */
async function loginAddresses(username: string): Promise<string[]> {
  const { entries } = await (await fetch(`${base}/api/audit?action=session.login`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  return entries.filter((e: { actor: string }) => e.actor === username).map((e: { address: string }) => e.address);
}

describe("a server action Next.js forwards to itself", () => {
  it("keeps the first hop's address: a client's X-Forwarded-For is not believed because the re-sent copy comes from loopback", async () => {
    // The client is 127.0.0.2 (not a trusted proxy); Next.js re-sends the action from localhost, which is trusted.
    await startApp({ REPLSCOPE_TRUSTED_PROXIES: "127.0.0.1, ::1" });
    await postLoginAction("/favicon.icoX", "127.0.0.2", "fwd-probe", { Authorization: `Bearer ${TOKEN}`, "X-Forwarded-For": "6.6.6.6" });
    const addresses = await loginAddresses("fwd-probe");
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses).not.toContain("6.6.6.6");
    expect(new Set(addresses)).toEqual(new Set(["127.0.0.2"]));
    // A peer header and signature sent by a client are replaced, signed or not.
    await postLoginAction("/login", "127.0.0.2", "direct-probe", { "x-replscope-peer": "127.0.0.1", "x-replscope-peer-sig": "0".repeat(64), "X-Forwarded-For": "6.6.6.6" });
    expect(await loginAddresses("direct-probe")).toEqual(["127.0.0.2"]);
  }, 300_000);
});

