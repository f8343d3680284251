// Real replscope instance processes on one MariaDB backend, for the multi-instance tests: spawn, call, wait.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One instance process (test/backend/instance-process.ts) and its output. */
export interface Instance {
  id: string;
  port: number;
  child: ChildProcess;
  log: string[];
}

/** 30000–32767, a range of their own (sandboxes take 20000–27999, Galera 28000–29999): 4 per test process, by pid. */
let nextPort = 30_000 + (process.pid % 690) * 4;

/** Starts an instance on `url` named `id` (extra environment in `env`). */
export function spawnInstance(id: string, url: string, env: Record<string, string> = {}): Instance {
  const port = nextPort++;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/backend/instance-process.ts"], {
    env: {
      ...process.env, REPLSCOPE_DATABASE_URL: url, REPLSCOPE_SECRET_KEY: "ab".repeat(32), REPLSCOPE_INSTANCE_ID: id, PORT: String(port),
      REPLSCOPE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `replscope-${id}-`)), REPLSCOPE_POLL_INTERVAL_MS: "1000", REPLSCOPE_ALERTS: "off", ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const inst = { id, port, child, log: [] as string[] };
  child.stdout.on("data", (d: Buffer) => inst.log.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => inst.log.push(d.toString()));
  return inst;
}

/** Calls an instance's route (given up after `timeoutMs`); the JSON answer and its status. */
export async function call<T = Record<string, unknown>>(i: Instance, route: string, method = "GET", timeoutMs = 30_000): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${i.port}${route}`, { method, signal: AbortSignal.timeout(timeoutMs) }).catch((e: Error) => {
    const exited = i.child.exitCode !== null || i.child.signalCode ? ` (instance ${i.id} exited: ${i.child.exitCode ?? i.child.signalCode})` : "";
    throw new Error(`${e.message}${exited}; its last output: ${i.log.join("").slice(-1500)}`);
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Polls `fn` until it returns something truthy; throws after `timeoutMs` with the last error. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`);
}

/** The one instance of `pair` whose probe says it leads (null while none or both). */
export async function leaderOf(pair: Instance[]): Promise<Instance | null> {
  const checks = await Promise.all(pair.map((i) => call(i, "/leader-check").catch(() => null)));
  const leaders = pair.filter((_, n) => checks[n]?.status === 200);
  return leaders.length === 1 ? leaders[0] : null;
}
