// `npm run demo`: a sandbox topology (source → replica1 → replica2) with data and write traffic, registered in a running app.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import mysql from "mysql2/promise";
import path from "node:path";
import { createUser, type Sandbox, startSandboxes, teardownAll, waitForCaughtUp, wireReplication } from "../sandbox";

const PORT = Number(process.env.PORT ?? 3000);
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(process.env.REPLSCOPE_DATA_DIR ?? "data/demo");
const MONITOR_USER = "replscope";
const MONITOR_PASSWORD = `demo'pa"ss\\wörd`;
const API_TOKEN = randomBytes(24).toString("base64url");
const ADMIN = { user: "admin", password: randomBytes(9).toString("base64url") };
const AUTH = { Authorization: `Bearer ${API_TOKEN}` };
/** Monitoring, plus what replication operations and switchovers need, so the demo can show them working. */
const MONITOR_GRANTS = ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "SELECT", "REPLICATION SLAVE ADMIN", "READ ONLY ADMIN", "SUPER", "RELOAD"];
/** The demo's application writes as an account without SUPER, so a read-only source really refuses it. */
const APP = { user: "shop_app", password: "shop-app-pw" };

async function seed(source: Sandbox) {
  await source.query("CREATE DATABASE shop");
  await source.query("CREATE TABLE shop.customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(80) NOT NULL) ENGINE=InnoDB");
  await source.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB");
  for (const name of ["Ada", "Grace", "Linus", "Margaret", "Ken"]) await source.query("INSERT INTO shop.customers (name) VALUES (?)", [name]);
}

async function waitForApp(app: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before answering`);
    const ok = await fetch(`${BASE}/api/servers`, { headers: AUTH }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer on ${BASE} within 5 minutes`);
}

async function register(name: string, sb: Sandbox) {
  const body = { name, host: sb.host, port: sb.port, user: MONITOR_USER, password: MONITOR_PASSWORD, cluster: "demo", tags: ["demo"] };
  const res = await fetch(`${BASE}/api/servers`, { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as { check?: { detail: string }; error?: string };
  console.log(`  ${name.padEnd(9)} ${sb.host}:${sb.port}  ${res.status === 201 ? json.check?.detail : `not registered: ${json.error}`}`);
}

async function main() {
  console.log("Starting three MariaDB sandboxes…");
  const [source, replica1, replica2] = await startSandboxes(3);
  await seed(source);
  await createUser(source, MONITOR_USER, "%", MONITOR_PASSWORD, MONITOR_GRANTS);
  await createUser(source, APP.user, "%", APP.password, ["SELECT", "INSERT"]);
  await wireReplication(source, replica1);
  await wireReplication(replica1, replica2);
  await waitForCaughtUp(source, replica2);
  await Promise.all([replica1, replica2].map((r) => r.query("SET GLOBAL read_only = ON")));

  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  console.log(`Starting replscope on ${BASE} (data in ${path.relative(process.cwd(), DATA_DIR)})…`);
  const app = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: { ...process.env, PORT: String(PORT), REPLSCOPE_DATA_DIR: DATA_DIR, REPLSCOPE_API_TOKEN: API_TOKEN, REPLSCOPE_ADMIN_USER: ADMIN.user, REPLSCOPE_ADMIN_PASSWORD: `demo-${ADMIN.password}` } });
  process.on("exit", () => app.kill("SIGTERM"));
  await waitForApp(app);
  console.log("Registering the sandboxes:");
  await register("source", source);
  await register("replica1", replica1);
  await register("replica2", replica2);

  const shop = mysql.createPool({ ...source.connectionOptions(), user: APP.user, password: APP.password, connectionLimit: 1 });
  const traffic = setInterval(() => {
    shop.query("INSERT INTO shop.orders (customer_id, total) VALUES (FLOOR(1 + RAND() * 5), ROUND(RAND() * 100, 2))").catch(() => {});
  }, 500);
  console.log(`\nreplscope demo is running: open ${BASE} and sign in as ${ADMIN.user} / demo-${ADMIN.password}\nsource → replica1 → replica2, one order per 500 ms on the source. Ctrl-C stops everything.`);
  // Once, whatever asks (Ctrl-C reaches npm and this process; the app's exit follows): a second teardown must not
  // exit the process while the first is still removing sandboxes.
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(traffic);
      await shop.end().catch(() => {});
      app.kill("SIGTERM");
      await teardownAll();
      process.exit(0);
    })());
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.on("exit", (code) => {
    console.error(`the app exited (${code}); stopping the sandboxes`);
    void stop();
  });
}

main().catch(async (e) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : e}`);
  await teardownAll();
  process.exit(1);
});
