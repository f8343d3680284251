// `npm run bench:copy`: copies a generated dataset (~1 GB by default) with the wizard's copy and with a bare
// `mariadb-dump --single-transaction | mariadb` pipe, and prints both throughputs and their ratio.
import { spawn } from "node:child_process";
import { parseServerVersion } from "../lib/domain/dialect";
import { copyData } from "../lib/mysql/copy";
import { type Sandbox, startSandboxes, teardownAll } from "../sandbox";

const MB = Number(process.env.BENCH_COPY_MB ?? 1000);
const ROW_BYTES = 1000;

async function generate(S: Sandbox) {
  await S.query("CREATE DATABASE bench");
  await S.query("CREATE TABLE bench.t (id INT PRIMARY KEY, a CHAR(250), b VARCHAR(700), c INT) ENGINE=InnoDB");
  const rows = Math.round((MB * 1e6) / ROW_BYTES);
  for (let from = 1; from <= rows; from += 200_000) {
    const to = Math.min(rows, from + 199_999);
    await S.query(`INSERT INTO bench.t SELECT seq, REPEAT(CHAR(65 + seq % 26), 250), REPEAT(MD5(seq), 21), seq * 7 FROM bench.seq_${from}_to_${to}`);
  }
  return rows;
}

function barePipe(S: Sandbox, T: Sandbox): Promise<void> {
  const conn = (sb: Sandbox) => [`--host=${sb.host}`, `--port=${sb.port}`, "--user=root", "--protocol=TCP"];
  const dump = spawn("mariadb-dump", [...conn(S), "--all-databases", "--routines", "--events", "--triggers", "--hex-blob", "--single-transaction", "--master-data=2"], { stdio: ["ignore", "pipe", "inherit"] });
  const load = spawn("mariadb", [...conn(T), "--init-command=SET SESSION sql_log_bin=0", "--binary-mode"], { stdio: ["pipe", "ignore", "inherit"] });
  dump.stdout.pipe(load.stdin);
  return new Promise((resolve, reject) => load.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`load exit ${code}`)))));
}

async function main() {
  const [S, T] = await startSandboxes(2, { extraArgs: ["--innodb-buffer-pool-size=512M", "--innodb-flush-log-at-trx-commit=2", "--sync-binlog=0"] });
  console.log(`generating ~${MB} MB…`);
  const rows = await generate(S);
  const target = (sb: Sandbox) => ({ host: sb.host, port: sb.port, user: "root", password: "", tlsMode: "disabled" as const });
  const times = { bare: [] as number[], ours: [] as number[] };
  let dumpBytes = 0;
  for (let round = 0; round < 2; round++) {
    let t = Date.now();
    await barePipe(S, T);
    times.bare.push((Date.now() - t) / 1000);
    t = Date.now();
    await copyData({ source: target(S), sourceVersion: parseServerVersion("10.11.0-MariaDB")!, target: target(T), lock: false, onProgress: (p) => (dumpBytes = p.bytes) });
    times.ours.push((Date.now() - t) / 1000);
  }
  const [bare, ours] = [Math.min(...times.bare), Math.min(...times.ours)];
  const mbps = (s: number) => (dumpBytes / 1e6 / s).toFixed(1);
  console.log(`dataset: ${rows} rows, ${(dumpBytes / 1e6).toFixed(0)} MB of dump text (best of 2 runs each, alternating)`);
  console.log(`bare mariadb-dump --single-transaction | mariadb: ${bare.toFixed(1)} s (${mbps(bare)} MB/s)`);
  console.log(`replscope copy (streamed through the app, progress parsed): ${ours.toFixed(1)} s (${mbps(ours)} MB/s)`);
  console.log(`ratio replscope / bare throughput: ${(bare / ours).toFixed(2)}×  (target ≥ 0.9×)`);
  await teardownAll();
  process.exit(0);
}

main().catch(async (e) => {
  console.error(e);
  await teardownAll();
  process.exit(1);
});
