// `npm run bench:sweep`: 1,000 protocol-level fakes (~8 ms per query) swept by the real poller vs a bare mysql2 loop.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import mysql from "mysql2/promise";
import { fakeVersion } from "./fake-fleet";

const N = Number(process.env.BENCH_SERVERS ?? 1000);
const LATENCY = 8;
const CONCURRENCY = 64;
const CONNECT_TIMEOUT = 1000;
const ROUNDS = 5;
process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-bench-"));
process.env.REPLSCOPE_POLL_CONCURRENCY = String(CONCURRENCY);
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = String(CONNECT_TIMEOUT);

/** Starts a fleet of fakes in a child process; resolves with their ports and a stop function. */
function startFleet(count: number, hung: number): Promise<{ ports: number[]; stop: () => void }> {
  const child = fork(path.join(import.meta.dirname, "fake-fleet.ts"), [String(count), String(LATENCY), String(hung)], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ ports: (m as { ports: number[] }).ports, stop: () => child.kill() }));
    child.once("exit", (code) => reject(new Error(`fake fleet exited (${code})`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { insertServer, recordCheck } = await import("../lib/data/servers");
  const { Monitor } = await import("../lib/services/monitor");
  const { mapLimit } = await import("../lib/mysql/limit");
  const { dialectFor } = await import("../lib/domain/dialect");
  const { parseServerVersion } = await import("../lib/domain/dialect");

  let fleet = await startFleet(N, 0);
  const specs = Array.from({ length: N }, (_, i) => ({ version: fakeVersion(i) }));
  const ids: string[] = [];
  for (const [i, port] of fleet.ports.entries()) {
    const s = await insertServer({ name: `fake-${i}`, host: "127.0.0.1", port, user: "bench", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope" });
    const v = parseServerVersion(specs[i].version)!;
    await recordCheck(s.id, { status: "ok", detail: "bench", flavor: v.flavor, version: v.text });
    ids.push(s.id);
  }

  const monitor = new Monitor();
  await monitor.sweep();
  const sweepMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) sweepMs.push((await monitor.sweep()).durationMs);

  const conns = await Promise.all(fleet.ports.map((port) => mysql.createConnection({ host: "127.0.0.1", port, user: "bench", password: "pw" })));
  const statements = specs.map((s) => {
    const d = dialectFor(parseServerVersion(s.version)!);
    return [d.replicaStatus, d.factsQuery, d.semiSyncQuery, d.sourceStatus];
  });
  const bareMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = Date.now();
    await mapLimit(conns, CONCURRENCY, async (c, i) => {
      for (const sql of statements[i]) await c.query(sql).catch(() => null);
    });
    bareMs.push(Date.now() - t);
  }
  await Promise.all(conns.map((c) => c.end()));

  const hung = Math.round(N * 0.05);
  fleet.stop();
  fleet = await startFleet(N, hung);
  const { db } = await import("../lib/data/db");
  // Two passes: a new fleet may reuse a port another server of the old fleet still holds (host and port are unique).
  for (const [i] of fleet.ports.entries()) await db().server.update({ where: { id: ids[i] }, data: { port: 70_000 + i } });
  for (const [i, port] of fleet.ports.entries()) await db().server.update({ where: { id: ids[i] }, data: { port } });
  await monitor.sweep();
  const hungMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) hungMs.push((await monitor.sweep()).durationMs);
  monitor.stop();
  fleet.stop();

  const sweep = median(sweepMs);
  const bare = median(bareMs);
  const withHung = median(hungMs);
  console.log(`servers: ${N} protocol-level fakes, ${LATENCY} ms per query, concurrency ${CONCURRENCY}, median of ${ROUNDS}`);
  console.log(`sweep (poller: queries + normalise + health + SQLite writes): ${sweep} ms  (target ≤ 1000 ms)`);
  console.log(`bare mysql2 loop, same queries and concurrency:             ${bare} ms`);
  console.log(`ratio sweep / bare:                                          ${(sweep / bare).toFixed(2)}×  (target ≤ 1.2×)`);
  console.log(`sweep with ${hung} hung servers (5%), connect timeout ${CONNECT_TIMEOUT} ms:  ${withHung} ms  (target ≤ ${CONNECT_TIMEOUT + 200} ms)`);
  fs.rmSync(process.env.REPLSCOPE_DATA_DIR!, { recursive: true, force: true });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
