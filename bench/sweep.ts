// `npm run bench:sweep`: BENCH_SERVERS (default 1,000) protocol-level fakes (8 ms per query) swept by the real poller
// vs a bare mysql2 loop sending the same statements over kept connections, alternated round by round in one run.
// Backends: BENCH_BACKENDS (default "sqlite mysql": SQLite in a temporary data dir, and replscope's own database on a
// MariaDB sandbox the bench starts; or any mysql://… URL), one process each, printed side by side. Every MySQL-backend
// run stores into a fresh database (created, migrated, dropped), so no run sees servers another run registered.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fork, spawn } from "node:child_process";
import { Session } from "node:inspector/promises";
import { randomBytes } from "node:crypto";
import mysql, { type Connection } from "mysql2/promise";
import { type FleetCommand, fakeVersion } from "./fake-fleet";

const N = Number(process.env.BENCH_SERVERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Rounds run exactly like the timed ones and not counted, poller and bare loop alike: a poller runs for days, so the
 *  figures are for warm code on both sides. Untimed poller sweeps alone did not warm the bare loop (at 10,000 servers
 *  the poller runs in its threads, the bare loop on the main thread), and with mysql2's generated row parsers (before
 *  `disableEval`) V8 was still optimising them in the first two timed sweeps, at twice their CPU. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LATENCY = 8;
/** 64 in flight at 1,000 servers; 10,000 servers at 8 ms × 4 statements need more (64 would take 5 s even bare). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? (N > 2000 ? 256 : 64));
const CONNECT_TIMEOUT = 1000;
/** Fakes per child process: each fake holds a listener and a session (a process may open 20,000 files here) and up to
 *  1 MB of heap under load, so 4,000 per process outgrew Node's default 4 GB heap at 10,000 servers. */
const SLICE = 2500;
const HUNG = Math.round(N * 0.05);
const RESULT = "BENCH_RESULT ";

/** Which backend this process stores into, as printed (never the URL's credentials). */
function backendLabel(url = process.env.REPLSCOPE_DATABASE_URL ?? ""): string {
  if (!url || url === "sqlite" || url.startsWith("file:")) return "sqlite";
  try {
    const u = new URL(url);
    return `${u.protocol.replace(":", "")}://${u.hostname}:${u.port}`;
  } catch {
    return "unparsable URL";
  }
}

interface Fleet {
  ports: number[];
  hang: (below: number) => Promise<void>;
  stop: () => void;
}

/** Starts fakes [from, to) in a child process. */
function startSlice(from: number, to: number): Promise<Fleet> {
  const child = fork(path.join(import.meta.dirname, "fake-fleet.ts"), [String(from), String(to), String(LATENCY)], { execArgv: ["--import", "tsx", "--max-old-space-size=6144"] });
  const hang = (below: number) =>
    new Promise<void>((done) => {
      child.once("message", () => done());
      child.send({ hangBelow: below } satisfies FleetCommand);
    });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ ports: (m as { ports: number[] }).ports, hang, stop: () => child.kill() }));
    child.once("exit", (code) => reject(new Error(`fake fleet exited (${code})`)));
  });
}

/** The whole fleet, in slices of SLICE fakes per child process. */
async function startFleet(count: number): Promise<Fleet> {
  const slices = await Promise.all(Array.from({ length: Math.ceil(count / SLICE) }, (_, k) => startSlice(k * SLICE, Math.min(count, (k + 1) * SLICE))));
  return {
    ports: slices.flatMap((s) => s.ports),
    hang: async (below) => void (await Promise.all(slices.map((s) => s.hang(below)))),
    stop: () => slices.forEach((s) => s.stop()),
  };
}

/** BENCH_PROFILE=dir: writes a CPU profile of the timed poller sweeps only (open it in Chrome DevTools). */
async function profiler() {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return { start: async () => {}, stop: async (_what: string) => {} };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  let n = 0;
  return {
    start: () => session.post("Profiler.start"),
    stop: async (what: string) => {
      const { profile } = await session.post("Profiler.stop");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${what}-${N}-${++n}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const range = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
/** CPU time (user + system) this process spent since `from`, in ms: a machine shared with other work inflates wall time, not this. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
/** CPU time (ms) the process `pid` has spent so far (Linux /proc; null elsewhere or once it is gone): the bench's own
 *  MariaDB backend runs on the same cores as the poller, so its share of a sweep is printed too. */
function processCpuMs(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in Linux's 100 Hz clock ticks
  } catch {
    return null;
  }
}
/** The backend server's process, when this bench started it (BENCH_BACKEND_PID, set for the child). */
const BACKEND_PID = Number(process.env.BENCH_BACKEND_PID) || null;
const log = (s: string) => process.stderr.write(`bench:sweep: ${s}\n`);

/** A bare loop's connection: plain mysql2 with the poller's connection options (charset, statement cache, auth plugins); retried on a busy machine. */
async function connectBare(port: number, attempt = 1): Promise<Connection> {
  const { connectionOptions } = await import("../lib/mysql/connection");
  try {
    return await mysql.createConnection(connectionOptions({ host: "127.0.0.1", port, user: "bench", password: "pw", tlsMode: "disabled" }, 30_000));
  } catch (e) {
    if (attempt >= 5) throw e;
    return connectBare(port, attempt + 1);
  }
}

/** REPLSCOPE_DATABASE_URL, when it names a MySQL/MariaDB server: a fresh, migrated database on it for this run only. */
async function freshDatabase(): Promise<() => Promise<void>> {
  const url = process.env.REPLSCOPE_DATABASE_URL;
  if (backendLabel(url) === "sqlite") return async () => {};
  const base = new URL(url!);
  const name = `replscope_bench_${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  await admin.query(`CREATE DATABASE ${name}`);
  base.pathname = `/${name}`;
  process.env.REPLSCOPE_DATABASE_URL = base.toString();
  const { applyMysqlMigrations } = await import("../lib/data/mysql-backend");
  await applyMysqlMigrations(process.env.REPLSCOPE_DATABASE_URL);
  log(`stores into fresh database ${name}`);
  return async () => {
    await admin.query(`DROP DATABASE ${name}`).catch(() => {});
    await admin.end();
  };
}

/** One round's figures (ms): the timed sweep, what followed it, the bare loop. */
interface Round {
  sweep: number;
  sweepCpu: number;
  /** The backend server's CPU during the sweep (ms), when the bench started it. */
  backendCpu: number | null;
  evaluation: number;
  bare: number;
  bareCpu: number;
}

interface Result {
  backend: string;
  servers: number;
  concurrency: number;
  sweepMs: number[];
  bareMs: number[];
  ratios: number[];
  warmupRatios: number[];
  hungMs: number[];
  evalMs: number[];
  sweepCpu: number[];
  backendCpu: number[];
  bareCpu: number[];
  statementCounts: [number, number][];
  loadAverage: [number, number];
  threads: number;
}

async function measure(): Promise<Result> {
  process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-bench-"));
  process.env.REPLSCOPE_POLL_CONCURRENCY = String(CONCURRENCY);
  process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = String(CONNECT_TIMEOUT);
  const dropDatabase = await freshDatabase();
  const loadAtStart = os.loadavg()[0];
  const { insertServers } = await import("../lib/data/servers");
  const { Monitor } = await import("../lib/services/monitor");
  const { mapLimit } = await import("../lib/mysql/limit");
  const { readStatus } = await import("../lib/mysql/status");
  const { parseServerVersion } = await import("../lib/domain/dialect");

  log(`starting ${N} fakes`);
  const fleet = await startFleet(N);
  try {
    log(`registering ${N} servers (${backendLabel()})`);
    const versions = fleet.ports.map((_, i) => parseServerVersion(fakeVersion(i))!);
    // Every fake listens on its own port for the whole run and the database is fresh: (host, port) cannot collide.
    if (new Set(fleet.ports).size !== fleet.ports.length) throw new Error("two fakes report one port");
    const t0 = performance.now();
    await insertServers(
      fleet.ports.map((port, i) => ({ name: `fake-${i}`, host: "127.0.0.1", port, user: "bench", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", flavor: versions[i].flavor, version: versions[i].text })),
      "pw",
    );
    log(`registered in ${(performance.now() - t0).toFixed(0)} ms`);
    /** The statements the poller's own reader sends to each fake (recorded once, untimed), so the bare loop cannot drift from it. */
    let statements = null as string[][] | null;
    const recordStatements = (conns: Connection[]) =>
      mapLimit(conns, CONCURRENCY, async (c: Connection, i) => {
        const sent: string[] = [];
        const query = async <T,>(sql: string) => {
          sent.push(sql);
          return (await c.query(sql))[0] as T;
        };
        await readStatus({ query, raw: c }, versions[i], []).catch(() => null);
        return sent;
      });

    const monitor = new Monitor();
    const prof = await profiler();
    /** What follows a sweep off its path: problem detection, alert evaluation, failover duties. */
    const followUp = () => Promise.all([monitor.lastEvaluation, monitor.lastFailoverCheck]);
    /** One round: a poller sweep (after an untimed one that reopens the connections the last round closed), then the bare loop. */
    const round = async (profiled: boolean): Promise<Round> => {
      await monitor.sweep();
      await followUp();
      if (profiled) await prof.start();
      let cpu = process.cpuUsage();
      const backendAtStart = processCpuMs(BACKEND_PID);
      let t = performance.now();
      await monitor.sweep();
      const sweep = performance.now() - t;
      const sweepCpu = cpuMs(cpu);
      const backendAtEnd = processCpuMs(BACKEND_PID);
      const backendCpu = backendAtStart === null || backendAtEnd === null ? null : backendAtEnd - backendAtStart;
      if (profiled) await prof.stop("sweep");
      t = performance.now();
      await followUp();
      const evaluation = performance.now() - t;
      monitor.stop(); // closes the poller's connections: 10,000 of them and the bare loop's would not fit in 20,000 files
      // Bare loop: the same statements over kept connections, same concurrency.
      const conns = await mapLimit(fleet.ports, 32, (port) => connectBare(port));
      statements ??= await recordStatements(conns);
      const plan = statements;
      if (profiled) await prof.start();
      cpu = process.cpuUsage();
      t = performance.now();
      await mapLimit(conns, CONCURRENCY, async (c: Connection, i) => {
        for (const sql of plan[i]) await c.query(sql).catch(() => null);
      });
      const bare = performance.now() - t;
      const bareCpu = cpuMs(cpu);
      if (profiled) await prof.stop("bare");
      conns.forEach((c) => c.destroy());
      return { sweep, sweepCpu, backendCpu, evaluation, bare, bareCpu };
    };
    const show = (what: string, x: Round) =>
      log(`${what}: sweep ${x.sweep.toFixed(0)} ms (cpu ${x.sweepCpu.toFixed(0)}${x.backendCpu === null ? "" : `, backend server ${x.backendCpu.toFixed(0)}`}, then problems + alerts ${x.evaluation.toFixed(0)} ms), bare ${x.bare.toFixed(0)} ms (cpu ${x.bareCpu.toFixed(0)}), ratio ${(x.sweep / x.bare).toFixed(2)}`);
    await monitor.sweep(); // registers every server's first status (and opens its connection)
    await followUp();
    const warmupRatios: number[] = [];
    for (let w = 0; w < WARMUP; w++) {
      const x = await round(false);
      warmupRatios.push(x.sweep / x.bare);
      show(`warm-up round ${w + 1}/${WARMUP} (not counted)`, x);
    }
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rounds.push(await round(true));
      show(`round ${r + 1}/${ROUNDS}`, rounds[r]);
    }
    const sweepMs = rounds.map((x) => x.sweep);
    const bareMs = rounds.map((x) => x.bare);

    // Hung servers: 5 % stop greeting; their sessions are cut, so they fall into the unreachable lane.
    await fleet.hang(HUNG);
    await monitor.sweep();
    await monitor.sweep();
    const hungMs: number[] = [];
    const threads = monitor.threads;
    for (let r = 0; r < ROUNDS; r++) {
      await followUp();
      const t = performance.now();
      await monitor.sweep();
      hungMs.push(performance.now() - t);
    }
    await followUp();
    monitor.stop();
    const counts = new Map<number, number>();
    for (const list of statements ?? []) counts.set(list.length, (counts.get(list.length) ?? 0) + 1);
    log(`statements per server (count: servers): ${[...counts].map(([k, v]) => `${k}: ${v}`).join(", ")}`);
    const ratios = sweepMs.map((s, i) => s / bareMs[i]);
    const statementCounts = [...counts].sort((a, b) => a[0] - b[0]);
    const loadAverage: [number, number] = [loadAtStart, os.loadavg()[0]];
    return {
      backend: backendLabel(), servers: N, concurrency: CONCURRENCY, sweepMs, bareMs, ratios, warmupRatios, hungMs, evalMs: rounds.map((x) => x.evaluation),
      sweepCpu: rounds.map((x) => x.sweepCpu), backendCpu: rounds.flatMap((x) => (x.backendCpu === null ? [] : [x.backendCpu])), bareCpu: rounds.map((x) => x.bareCpu), statementCounts, loadAverage, threads,
    };
  } finally {
    fleet.stop();
    await dropDatabase();
    fs.rmSync(process.env.REPLSCOPE_DATA_DIR, { recursive: true, force: true });
  }
}

/** Prints one table, a column per backend. */
function print(results: Result[]) {
  const { servers, concurrency } = results[0];
  console.log(`${servers} protocol-level fakes (${LATENCY} ms per query), concurrency ${concurrency}, ${WARMUP} warm-up rounds not counted, then ${ROUNDS} rounds alternating poller and bare loop; median (range)`);
  const rows: [string, (r: Result) => string][] = [
    ["backend", (r) => r.backend],
    ["poll threads (REPLSCOPE_POLL_THREADS)", (r) => (r.threads ? String(r.threads) : "none (main thread)")],
    ["sweep, poller (ms)", (r) => `${median(r.sweepMs).toFixed(0)} (${range(r.sweepMs)})`],
    ["bare mysql2 loop (ms)", (r) => `${median(r.bareMs).toFixed(0)} (${range(r.bareMs)})`],
    ["ratio sweep / bare, same round", (r) => `${median(r.ratios).toFixed(2)}× (${range(r.ratios, 2)})`],
    ["ratios of the warm-up rounds (not counted)", (r) => r.warmupRatios.map((x) => `${x.toFixed(2)}×`).join(" ") || "none"],
    ["poller process CPU per sweep (ms)", (r) => `${median(r.sweepCpu).toFixed(0)} (${range(r.sweepCpu)})`],
    ["bare loop process CPU (ms)", (r) => `${median(r.bareCpu).toFixed(0)} (${range(r.bareCpu)})`],
    ["backend server's CPU during a sweep (ms)", (r) => (r.backendCpu.length ? `${median(r.backendCpu).toFixed(0)} (${range(r.backendCpu)})` : r.backend === "sqlite" ? "— (in the poller's process)" : "— (not started by the bench)")],
    ["problems + alerts + failover checks after it (ms)", (r) => `${median(r.evalMs).toFixed(0)} (${range(r.evalMs)})`],
    [`sweep, ${HUNG} hung (5 %) (ms)`, (r) => `${median(r.hungMs).toFixed(0)} (${range(r.hungMs)})`],
    ["statements per server (n: servers)", (r) => r.statementCounts.map(([k, v]) => `${k}: ${v}`).join(", ")],
    ["load average (1 min) start → end", (r) => `${r.loadAverage[0].toFixed(1)} → ${r.loadAverage[1].toFixed(1)}`],
  ];
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  const cellWidth = Math.max(...rows.flatMap(([, cell]) => results.map((r) => cell(r).length))) + 3;
  for (const [label, cell] of rows) console.log(label.padEnd(width) + results.map((r) => cell(r).padEnd(cellWidth)).join(""));
  console.log(`targets: ratio ≤ 1.2×; sweep ≤ ${servers > 2000 ? "5,000 ms (2.5 poll intervals)" : "1,000 ms"}; with hung servers ≤ connect timeout (${CONNECT_TIMEOUT} ms) + 200 ms at 1,000`);
}

/** "mysql"/"mariadb" in BENCH_BACKENDS: a MariaDB sandbox started for this bench (the harness's, torn down at the end). */
async function sandboxUrl(): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const { startSandbox, teardownAll } = await import("../sandbox");
  const sb = await startSandbox({ name: "replscope-bench-backend", logBin: false, extraArgs: ["--innodb-flush-log-at-trx-commit=2", "--innodb-buffer-pool-size=256M"] });
  return { url: `mysql://root@127.0.0.1:${sb.port}`, pid: sb.pid(), stop: () => teardownAll() };
}

/** One backend's run in its own process (asynchronously: the sandbox server is this process's child). */
function runChild(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]], { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`bench child exited (${code})`))));
  });
}

async function main() {
  if (process.env.BENCH_CHILD) {
    console.log(RESULT + JSON.stringify(await measure()));
    return;
  }
  const backends = (process.env.BENCH_BACKENDS ?? "sqlite mysql").split(/[\s,]+/).filter(Boolean);
  const sandbox = backends.some((b) => b === "mysql" || b === "mariadb") ? await sandboxUrl() : null;
  try {
    const results: Result[] = [];
    for (const backend of backends) {
      const url = backend === "mysql" || backend === "mariadb" ? sandbox!.url : backend;
      const env: NodeJS.ProcessEnv = { ...process.env, BENCH_CHILD: "1", REPLSCOPE_DATABASE_URL: url };
      if (url === "sqlite") delete env.REPLSCOPE_DATABASE_URL;
      if (url === sandbox?.url && sandbox.pid) env.BENCH_BACKEND_PID = String(sandbox.pid);
      const out = await runChild(env);
      results.push(JSON.parse(out.split("\n").find((l) => l.startsWith(RESULT))!.slice(RESULT.length)) as Result);
    }
    print(results);
  } finally {
    await sandbox?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
