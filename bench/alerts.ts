// `npm run bench:alerts`: 1,000 fakes, 100 break at once → time to the last delivery; sweep time with 100 notifications
// hanging in flight vs the same sweep with alerts off.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type ChildProcess, fork } from "node:child_process";
import type { AddressInfo } from "node:net";

const N = Number(process.env.BENCH_SERVERS ?? 1000);
const BREAK = Math.min(100, Math.floor(N / 4));
const LATENCY = 8;
const ROUNDS = 7;
const POLL_MS = 2000;
process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-bench-alerts-"));
process.env.REPLSCOPE_POLL_CONCURRENCY = "64";
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1000";
process.env.REPLSCOPE_POLL_INTERVAL_MS = String(POLL_MS);

/** Starts the fleet child; resolves with its ports and a way to break or fix a range of fakes. */
function startFleet(): Promise<{ ports: number[]; set: (from: number, to: number, broken: boolean) => Promise<void>; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, "alert-fleet.ts"), [String(N), String(LATENCY)], { execArgv: ["--import", "tsx"] });
  const set = (from: number, to: number, broken: boolean) =>
    new Promise<void>((r) => {
      child.once("message", () => r());
      child.send({ from, to, broken });
    });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ ports: (m as { ports: number[] }).ports, set, child }));
    child.once("exit", (code) => reject(new Error(`fake fleet exited (${code})`)));
  });
}

/** A receiver on loopback: answers at once, or never (hang). */
async function receiver(hang: boolean) {
  const times: number[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (hang) return;
      times.push(Date.now());
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, times, close: () => server.closeAllConnections() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const { insertServer, recordCheck } = await import("../lib/data/servers");
  const { parseServerVersion } = await import("../lib/domain/dialect");
  const { fakeVersion } = await import("./fake-fleet");
  const { Monitor } = await import("../lib/services/monitor");
  const { replaceForRules } = await import("../lib/data/alerts");
  const { createAlertChannel, updateAlertChannel } = await import("../lib/services/alerts/channel-admin");
  const { DeliveryWorker } = await import("../lib/services/alerts/delivery");
  const { alertEngine } = await import("../lib/services/alerts/engine");

  const fleet = await startFleet();
  for (const [i, port] of fleet.ports.entries()) {
    const s = await insertServer({ name: `fake-${i}`, host: "127.0.0.1", port, user: "bench", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope" });
    const v = parseServerVersion(fakeVersion(i))!;
    await recordCheck(s.id, { status: "ok", detail: "bench", flavor: v.flavor, version: v.text });
  }
  // Only ReplicationBroken fires during the bench (the fakes' other findings stay pending).
  await replaceForRules([{ forSeconds: 86_400 }, { code: "ReplicationBroken", forSeconds: 0 }]);
  const fast = await receiver(false);
  const hung = await receiver(true);
  const channel = await createAlertChannel({ name: "bench", kind: "webhook", url: fast.url });
  if (!channel.ok) throw new Error(channel.error);
  const worker = new DeliveryWorker({ concurrency: 128, timeoutMs: 10_000 });
  alertEngine().onEnqueued = () => worker.wake();
  worker.start();

  const monitor = new Monitor();
  const sweep = async () => {
    const info = await monitor.sweep();
    await monitor.lastEvaluation;
    return info;
  };
  await sweep();
  await sweep();

  // 1. Time to deliver: BREAK fakes break between two sweeps.
  await fleet.set(0, BREAK, true);
  const t0 = Date.now();
  const seen = await sweep();
  const until = Date.now() + 30_000;
  while (fast.times.length < BREAK && Date.now() < until) await sleep(5);
  const lastDelivery = Math.max(...fast.times);
  const deliverMs = lastDelivery - t0;

  // 2. Sweep time with alerts off (no evaluation, nothing in flight), then with BREAK more notifications hanging in flight.
  await updateAlertChannel(channel.value.id, { url: hung.url });
  monitor.alertsEnabled = false;
  await fleet.set(BREAK, 2 * BREAK, true);
  await sweep();
  const without: number[] = [];
  for (let r = 0; r < ROUNDS; r++) without.push((await sweep()).durationMs);
  monitor.alertsEnabled = true;
  await sweep();
  const inFlightDeadline = Date.now() + 5000;
  while (worker.busy < BREAK && Date.now() < inFlightDeadline) await sleep(5);
  const inFlight = worker.busy;
  const withAlerts: number[] = [];
  for (let r = 0; r < ROUNDS; r++) withAlerts.push((await sweep()).durationMs);
  const inFlightAfter = worker.busy;
  worker.stop();
  monitor.stop();
  fast.close();
  hung.close();
  fleet.child.kill();

  const on = median(withAlerts);
  const off = median(without);
  console.log(`servers: ${N} protocol-level fakes, ${LATENCY} ms per query, poll interval ${POLL_MS} ms; ${BREAK} break at once`);
  console.log(`sweep that saw them: ${seen.durationMs} ms; last of ${fast.times.length}/${BREAK} deliveries ${deliverMs} ms after that sweep started  (target ≤ ${POLL_MS + 1000} ms: ${(deliverMs / (POLL_MS + 1000)).toFixed(2)}× of target)`);
  console.log(`sweep with ${inFlight} notifications hanging in flight (${inFlightAfter} still at the end): ${on} ms (median of ${ROUNDS})`);
  console.log(`sweep with alerts off, same fleet:                       ${off} ms (median of ${ROUNDS})`);
  console.log(`ratio with / without alerts:                            ${(on / off).toFixed(3)}×  (target ≤ 1.05×)`);
  fs.rmSync(process.env.REPLSCOPE_DATA_DIR!, { recursive: true, force: true });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
