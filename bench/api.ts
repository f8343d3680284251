// `npm run bench:api`: server time of GET /api/status (the cached body, as the route handler serves it) and build times, with
// 1,000 and then BENCH_SERVERS (default 10,000) servers registered, each with a stored snapshot, in SQLite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const N = Number(process.env.BENCH_SERVERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-bench-api-"));

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const log = (s: string) => process.stderr.write(`bench:api: ${s}\n`);

async function main() {
  const { insertServers, listServers } = await import("../lib/data/servers");
  const { saveSweep } = await import("../lib/data/status");
  const { evaluateServer } = await import("../lib/domain/server-status");
  const { thresholdsFor } = await import("../lib/domain/health");
  const { normaliseReplicaRow } = await import("../lib/domain/replica-status");
  const { normaliseFacts } = await import("../lib/domain/server-facts");
  const { capturedRows } = await import("../lib/domain/__fixtures__/capture");
  const { cachedStatusBody, refreshStatusReport, statusReport } = await import("../lib/services/status");
  const { env } = await import("../lib/config/env");

  const row = capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0];
  let registered = 0;
  /** Registers servers up to `count`, each with a stored status (every fourth a replica of the previous one). */
  const seed = async (count: number) => {
    const fresh = Array.from({ length: count - registered }, (_, k) => registered + k);
    const name = (i: number) => `db-${String(i).padStart(5, "0")}`;
    await insertServers(fresh.map((i) => ({ name: name(i), host: `10.0.${Math.floor(i / 250)}.${i % 250}`, port: 3306, user: "monitor", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", flavor: "mariadb", version: "10.11.6" })), "pw");
    const byName = new Map((await listServers()).map((s) => [s.name, s.id]));
    const ids = fresh.map((i) => ({ id: byName.get(name(i))!, i }));
    const now = Date.now() / 1000;
    const states = ids.map(({ id, i }) => {
      const source = i % 4 ? { Master_Host: `10.0.${Math.floor((i - 1) / 250)}.${(i - 1) % 250}`, Master_Port: 3306 } : {};
      const channels = i % 4 ? [normaliseReplicaRow({ ...row, ...source, Seconds_Behind_Master: i % 90 })] : [];
      const status = evaluateServer({ ok: true, channels, facts: normaliseFacts({ server_id: i + 1, read_only: i % 4 ? 1 : 0, log_bin: 1, binlog_format: "ROW", log_replica_updates: 1, auto_increment_increment: 1, auto_increment_offset: 1 }), source: null, heartbeatLag: null }, thresholdsFor(null, null), now, null);
      return { serverId: id, state: status.state, lagSeconds: status.lagSeconds, lagSource: status.lagSource, snapshot: JSON.stringify(status), checkedAt: now, reachedAt: now, stateSince: now };
    });
    await saveSweep(states, []);
    registered = count;
  };

  /** Times `REQUESTS` bodies as the route serves them (one every 100 ms, as dashboards polling; background rebuilds run
   * meanwhile), then, once the background refresh has stopped (no request for its cold limit), the cache's rebuild
   * (registry read once per stamp, report + body) and a full uncached build (statusReport reading everything + JSON). */
  const time = async () => {
    const served: number[] = [];
    const built: number[] = [];
    const refreshed: number[] = [];
    let bytes = 0;
    await cachedStatusBody();
    for (let k = 0; k < REQUESTS; k++) {
      const t = performance.now();
      bytes = (await cachedStatusBody()).length;
      served.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 10 * env().REPLSCOPE_POLL_INTERVAL_MS + 1000));
    for (let k = 0; k < Math.min(REQUESTS, 7); k++) {
      const t = performance.now();
      await refreshStatusReport();
      refreshed.push(performance.now() - t);
    }
    for (let k = 0; k < Math.min(REQUESTS, 7); k++) {
      const t = performance.now();
      const { checkedAt, servers } = await statusReport();
      JSON.stringify({ checkedAt, servers });
      built.push(performance.now() - t);
    }
    return { p50: pct(served, 50), p95: pct(served, 95), max: Math.max(...served), buildP50: pct(built, 50), refreshP50: pct(refreshed, 50), bytes };
  };

  const rows: [number, Awaited<ReturnType<typeof time>>][] = [];
  for (const count of [1000, N]) {
    log(`registering ${count} servers`);
    await seed(count);
    rows.push([count, await time()]);
  }
  const [base] = rows;
  console.log(`GET /api/status server time (the route's body: cachedStatusBody), ${REQUESTS} requests 100 ms apart, SQLite, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`refresh = the cache's background rebuild (report + body; registry unchanged); build = statusReport + JSON, uncached`);
  for (const [count, r] of rows)
    console.log(`${String(count).padStart(6)} servers: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(0)} ms (p50 ${(r.p50 / base[1].p50).toFixed(1)}× of 1,000); refresh p50 ${r.refreshP50.toFixed(0)} ms; full build p50 ${r.buildP50.toFixed(0)} ms; body ${(r.bytes / 1e6).toFixed(1)} MB`);
  console.log(`target: p50 ≤ 100 ms at 10,000 servers`);
  fs.rmSync(process.env.REPLSCOPE_DATA_DIR!, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
