// Keeps track of live sandboxes so they are always torn down: on teardownAll(), on exit, and on Ctrl-C.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** What the registry needs to kill and remove a sandbox. */
export interface Tracked {
  dir: string;
  pid(): number | undefined;
  destroy(): Promise<void>;
}

const live = new Set<Tracked>();
let hooked = false;

/** The prefix of every sandbox datadir under the OS temp dir. */
export const DIR_PREFIX = path.join(os.tmpdir(), "replscope-sandbox-");

function killSync(t: Tracked) {
  const pid = t.pid();
  if (pid) {
    try {
      process.kill(pid, "SIGCONT");
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  fs.rmSync(t.dir, { recursive: true, force: true });
}

/** Registers a sandbox; installs the exit and signal hooks on first use. */
export function track(t: Tracked) {
  live.add(t);
  if (hooked) return;
  hooked = true;
  process.on("exit", () => live.forEach(killSync));
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      live.forEach(killSync);
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
}

/** Forgets a sandbox that was destroyed. */
export function untrack(t: Tracked) {
  live.delete(t);
}

/** Stops and removes every sandbox this process started. */
export async function teardownAll(): Promise<void> {
  await Promise.all([...live].map((t) => t.destroy()));
}

/** Removes datadirs left by processes that died hard (their owner.pid is dead), killing their servers. */
export function removeStaleSandboxes() {
  const parent = path.dirname(DIR_PREFIX);
  for (const name of fs.readdirSync(parent)) {
    const dir = path.join(parent, name);
    if (!dir.startsWith(DIR_PREFIX)) continue;
    const owner = Number(readText(path.join(dir, "owner.pid")));
    if (owner && alive(owner)) continue;
    const server = Number(readText(path.join(dir, "data", "mariadbd.pid")));
    if (server && alive(server)) {
      try {
        process.kill(server, "SIGCONT");
        process.kill(server, "SIGKILL");
      } catch {}
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readText(p: string): string {
  try {
    return fs.readFileSync(p, "utf8").trim();
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
