// `npm run bench:overview`: the overview in Chromium at 1,000 servers (BENCH_SERVERS; 10,000 works too) against a
// 50-server baseline measured in the same run: first render (navigation → rows drawn) and one filter keystroke
// (input → list re-rendered and painted). Seeds SQLite directly (no MySQL); builds the app first if needed.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const N = Number(process.env.BENCH_SERVERS ?? 1000);
const BASELINE = Number(process.env.BENCH_BASELINE ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3229);
const TOKEN = "bench-overview-token-0123456789";
const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function seed(dir: string, n: number) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "overview-seed.ts"), String(n)], { env: { ...process.env, REPLSCOPE_DATA_DIR: dir }, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`seeding ${n} servers failed`);
}

async function startApp(dir: string): Promise<ChildProcess> {
  const app = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: String(PORT), REPLSCOPE_DATA_DIR: dir, REPLSCOPE_POLLER: "off", REPLSCOPE_API_TOKEN: TOKEN, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 900; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/api/servers`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then((r) => r.ok, () => false)) return app;
    if (app.exitCode !== null) throw new Error("the app exited before answering");
    await sleep(500);
  }
  throw new Error("the app did not answer");
}

/** Navigation start → the first rows are in the DOM and a frame has been painted (ms, from the page's own clock). */
async function firstRender(page: Page): Promise<number> {
  await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "commit" });
  await page.waitForSelector("li[data-server]", { timeout: 120_000 });
  await page.waitForFunction(() => !!document.querySelector("[data-testid=shown-count]"));
  return page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
}

/** One keystroke into the search: input event → "Showing N of M" updated for that search (its data-q, when the board
 * marks which search it shows: the server answers searches) → next frame painted (ms). */
async function keystroke(page: Page, text: string): Promise<number> {
  // Sent as source text: tsx would wrap named browser-side helpers in its own `__name`, which the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const input = document.querySelector("input[type=search]");
    const count = document.querySelector("[data-testid=shown-count]");
    const before = count.textContent;
    const t0 = performance.now();
    let finished = false;
    const done = () => { if (finished) return; finished = true; obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); };
    const settled = () => (count.hasAttribute("data-q") ? count.getAttribute("data-q") === ${JSON.stringify(text)} : count.textContent !== before);
    const obs = new MutationObserver(() => { if (settled()) done(); });
    obs.observe(count, { subtree: true, childList: true, characterData: true, attributes: true });
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, ${JSON.stringify(text)});
    input.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(done, 5000);
  })`);
}

async function measure(n: number): Promise<{ render: number; key: number; rows: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `replscope-overview-${n}-`));
  seed(dir, n);
  const app = await startApp(dir);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, extraHTTPHeaders: { Authorization: `Bearer ${TOKEN}` } });
    await firstRender(page); // warm-up (compiles nothing in production, but fills caches)
    const renders: number[] = [];
    const keys: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      renders.push(await firstRender(page));
      await sleep(300);
      for (const q of ["db1", "db12", "db123", "", "chain"]) keys.push(await keystroke(page, q));
    }
    const rows = await page.locator("li[data-server]").count();
    await browser.close();
    return { render: median(renders), key: median(keys), rows };
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const base = await measure(BASELINE);
  const big = await measure(N);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(`overview, Chromium 1400×900, median of ${ROUNDS} rounds (keystrokes: 5 per round), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`baseline ${BASELINE} servers: first render ${base.render.toFixed(0)} ms, filter keystroke ${base.key.toFixed(0)} ms (${base.rows} rows drawn)`);
  console.log(`${N} servers: first render ${big.render.toFixed(0)} ms (×${ratio(big.render, base.render)} baseline), filter keystroke ${big.key.toFixed(0)} ms (×${ratio(big.key, base.key)} baseline) (${big.rows} rows drawn, the rest paged)`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
