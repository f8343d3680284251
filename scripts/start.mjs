// `npm start`: build when the sources are newer than the last build, then serve (migrations apply at startup)
// through scripts/server.mjs, which tells the app each request's socket address. `--build-only`: build if needed, then exit.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
const bin = (name) => path.resolve("node_modules/.bin", name);
const SOURCES = ["app", "components", "lib", "prisma", "public", "instrumentation.ts", "proxy.ts", "next.config.js", "package.json"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function needsBuild() {
  const id = ".next/BUILD_ID";
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

if (!fs.existsSync("generated/prisma/client.ts")) spawnSync(bin("prisma"), ["generate"], { stdio: "inherit" });
const LOCK = ".next-build.lock";
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One build at a time (two starts at once would write the same .next): a lock directory holding the builder's pid. */
function withBuildLock(fn) {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      break;
    } catch {
      const pid = Number(fs.readFileSync(path.join(LOCK, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
      if (pid && !alive(pid)) fs.rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

if (needsBuild()) {
  withBuildLock(() => {
    if (!needsBuild()) return;
    console.log("replscope: building (first start or sources changed)…");
    const r = spawnSync(bin("next"), ["build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  });
}
if (process.argv.includes("--build-only")) process.exit(0);
const { serve } = await import("./server.mjs");
await serve({ port: Number(process.env.PORT ?? 3000) });
