// `npm test`: unit + integration tests (vitest) and end-to-end tests (Playwright), then one line of real totals.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", FORCE_COLOR: "0" };
const out = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-test-"));
const bin = (name) => path.resolve("node_modules/.bin", name);
const only = process.argv[2];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function runVitest() {
  const file = path.join(out, "vitest.json");
  const r = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], { stdio: "inherit", env });
  const j = readJson(file);
  if (!j) return { passed: 0, failed: 1, note: `vitest produced no report (exit ${r.status})` };
  const failed = j.numFailedTests + (r.status !== 0 && j.numFailedTests === 0 ? 1 : 0);
  return { passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
}

// The second pass: replscope's own database on a MariaDB sandbox (REPLSCOPE_TEST_BACKEND=mariadb) for every
// integration test that stores anything there: lib/data, every service (registry, poller, alerts and delivery,
// accounts and sessions, audit, discovery, and the runs of the wizard, switchover, failover and operations), and the
// fakes' runs of each family. Left to the first pass only: the readers and tools of lib/mysql, the sandbox harness,
// the Prometheus rules and the fakes' protocol tests (they never touch our database), and test/backend (its tests
// start MariaDB backends of their own).
const MARIADB_PASS = [
  "lib/data/", "lib/services/",
  "test/fakes/runs.int.test.ts", "test/fakes/failover.int.test.ts", "test/fakes/switchover.int.test.ts", "test/fakes/operations.int.test.ts", "test/fakes/clone.int.test.ts",
  "test/fakes/live-server.int.test.ts",
];

// Tests of the SQLite file itself (its directory and modes; the poller's second SQLite connection).
const SQLITE_ONLY = ["lib/data/data-dir.int.test.ts", "lib/data/sweep-writer.int.test.ts"];

/** The pass's test files: directories expanded to their integration tests, the SQLite-only ones left out. */
function mariadbFiles() {
  const expand = (p) => (p.endsWith("/") ? fs.readdirSync(p, { recursive: true }).map((f) => path.join(p, String(f))).filter((f) => f.endsWith(".int.test.ts")) : [p]);
  return MARIADB_PASS.flatMap(expand).filter((f) => !SQLITE_ONLY.includes(f)).sort();
}

function runVitestMariadb() {
  const file = path.join(out, "vitest-mariadb.json");
  const r = spawnSync(bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, ...mariadbFiles()], {
    stdio: "inherit", env: { ...env, REPLSCOPE_TEST_BACKEND: "mariadb" },
  });
  const j = readJson(file);
  if (!j) return { passed: 0, failed: 1, note: `vitest (MariaDB backend) produced no report (exit ${r.status})` };
  const failed = j.numFailedTests + (r.status !== 0 && j.numFailedTests === 0 ? 1 : 0);
  return { passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
}

function runPlaywright() {
  const file = path.join(out, "playwright.json");
  const r = spawnSync(bin("playwright"), ["test", "--reporter=list,json"], { stdio: "inherit", env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file } });
  const s = readJson(file)?.stats;
  if (!s) return { passed: 0, failed: 1, note: `playwright produced no report (exit ${r.status})` };
  const failed = s.unexpected + (r.status !== 0 && s.unexpected === 0 ? 1 : 0);
  return { passed: s.expected + s.flaky, failed, skipped: s.skipped };
}

const results = [];
if (only !== "e2e") results.push(["vitest", runVitest()]);
if (only !== "e2e" && only !== "vitest") results.push(["vitest (MariaDB backend)", runVitestMariadb()]);
if (only !== "vitest") results.push(["playwright", runPlaywright()]);
let passed = 0, failed = 0, skipped = 0;
for (const [name, r] of results) {
  console.log(`${name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped ?? 0;
}
fs.rmSync(out, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
