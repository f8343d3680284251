// The app process killed mid-copy: the source is unlocked at once, and after a restart the run is interrupted and retryable.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type Sandbox, startSandboxes, teardownAll, waitForCaughtUp } from "@/sandbox";

const DATA = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-restart-"));
const TOKEN = "restart-test-token-0123456789";
const AUTH = { Authorization: `Bearer ${TOKEN}` };
let S: Sandbox, T: Sandbox;
let app: ChildProcess | null = null;
let base = "";

async function startApp() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["scripts/start.mjs"], { detached: true, stdio: "ignore", env: { ...process.env, PORT: String(port), REPLSCOPE_DATA_DIR: DATA, REPLSCOPE_POLLER: "off", REPLSCOPE_API_TOKEN: TOKEN } });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/api/servers`, { headers: AUTH }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start");
}

const killApp = () => {
  if (app?.pid) process.kill(-app.pid, "SIGKILL");
  app = null;
};
const api = async (p: string, body?: unknown) => {
  const res = await fetch(`${base}${p}`, body === undefined ? { headers: AUTH } : { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
};

beforeAll(async () => {
  [S, T] = await startSandboxes(2);
  await S.query("CREATE DATABASE big");
  await S.query("CREATE TABLE big.rows (id INT PRIMARY KEY, pad CHAR(200)) ENGINE=InnoDB");
  await S.query("INSERT INTO big.rows SELECT seq, REPEAT('x', 200) FROM big.seq_1_to_400000");
  await S.query("CREATE TABLE big.flags (id INT PRIMARY KEY) ENGINE=MyISAM");
  await startApp();
}, 300_000);

afterAll(async () => {
  killApp();
  await teardownAll();
});

describe("app killed mid-copy", () => {
  it("leaves no lock, marks the run interrupted after restart, and a retry completes it", async () => {
    const ids: string[] = [];
    for (const [name, sb] of [["rs-src", S], ["rs-dst", T]] as const) ids.push((await api("/api/servers", { name, host: sb.host, port: sb.port, user: "root", password: "" })).id);
    const run = await api("/api/bootstrap-runs", { sourceId: ids[0], targetId: ids[1], replHost: "%", replPassword: "pw'1" });
    await api(`/api/bootstrap-runs/${run.id}/advance?all=1`, {});
    for (let i = 0; i < 600; i++) {
      const { run: r } = await api(`/api/bootstrap-runs/${run.id}`);
      if (r.currentStep === "copy" && r.progress?.bytes > 0) break;
      if (r.status === "failed" || r.status === "done") throw new Error(`run ended before the copy was under way: ${r.status} ${r.error}`);
      await new Promise((res) => setTimeout(res, 50));
    }
    killApp();
    await S.session(async (c) => {
      await c.query("SET SESSION lock_wait_timeout = 5");
      await c.query({ sql: "INSERT INTO big.flags VALUES (1)", timeout: 6000 });
    });
    await startApp();
    // SQLite interrupts what a stopped process left before serving; on a shared backend the new process leads, and
    // reports it, once the killed process's lease has run out (10 s).
    let after = (await api(`/api/bootstrap-runs/${run.id}`)).run;
    for (let i = 0; i < 150 && after.status === "running"; i++) {
      await new Promise((res) => setTimeout(res, 200));
      after = (await api(`/api/bootstrap-runs/${run.id}`)).run;
    }
    expect(after.status).toBe("interrupted");
    expect(after.error).toMatch(/no lock remains/);
    await api(`/api/bootstrap-runs/${run.id}/retry?all=1`, {});
    let final = after;
    for (let i = 0; i < 600 && final.status !== "done" && final.status !== "failed"; i++) {
      await new Promise((res) => setTimeout(res, 200));
      final = (await api(`/api/bootstrap-runs/${run.id}`)).run;
    }
    expect(final.error).toBeNull();
    expect(final.status).toBe("done");
    await waitForCaughtUp(S, T);
    expect(await T.query("SELECT COUNT(*) AS n FROM big.rows")).toEqual([{ n: 400000 }]);
    expect(await T.query("SELECT COUNT(*) AS n FROM big.flags")).toEqual([{ n: 1 }]);
  });
});
