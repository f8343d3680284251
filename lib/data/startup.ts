// Startup work on our own database for the Node.js server: private file modes and the committed migrations (SQLite,
// or MySQL under a lock so concurrent starts apply them once). Called by lib/services/startup.ts before anything else.
import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";
import { applyMysqlMigrations } from "./mysql-backend";

// Every file replscope creates from here on (database, WAL, key, setup code) is readable by its own user only.
process.umask(0o077);

/** Retries while the backend is unreachable at start (every 2 s, for up to a minute), then gives up with its error. */
async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= 30 || !/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Connection timeout|socket/i.test(`${(e as { code?: string }).code} ${(e as Error).message}`)) throw e;
      console.warn(`replscope: database not reachable yet (${(e as Error).message}); retrying`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/** Applies pending migrations to the configured backend; logs what it applied. */
export async function prepareDatabase(): Promise<void> {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("replscope.peerHeader")] === undefined) {
    console.warn("replscope: WARNING: not started through scripts/server.mjs (npm start): client addresses come from X-Forwarded-For and can be forged");
  }
  const { backend } = env();
  if (backend.kind === "mysql") {
    const applied = await withRetries(() => applyMysqlMigrations(backend.url));
    if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to the MySQL backend`);
    return;
  }
  const applied = applyMigrations(backend.file, path.join(process.cwd(), "prisma", "migrations"));
  if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to ${backend.file}`);
  // SQLite is one process's file: whatever a stopped process left running is interrupted, before any request is served.
  const { markRunsInterrupted } = await import("./runs");
  const n = await markRunsInterrupted();
  await (await import("./run-requests")).dropClaimsOf(() => true);
  for (const [kind, count] of Object.entries(n)) if (count) console.log(`replscope: ${count} ${kind} run(s) were interrupted by the last stop; see their pages`);
}
