// Startup work on our own database for the Node.js server: private file modes and the committed migrations (SQLite,
// or MySQL under a lock so concurrent starts apply them once). Called by lib/services/startup.ts before anything else.
import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";
import { applyMysqlMigrations } from "./mysql-backend";

// Every file replscope creates from here on (database, WAL, key, setup code) is readable by its own user only.
process.umask(0o077);

/** Applies pending migrations to the configured backend; logs what it applied. */
export async function prepareDatabase(): Promise<void> {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("replscope.peerHeader")] === undefined) {
    console.warn("replscope: WARNING: not started through scripts/server.mjs (npm start): client addresses come from X-Forwarded-For and can be forged");
  }
  const { backend } = env();
  if (backend.kind === "mysql") {
    const applied = await applyMysqlMigrations(backend.url);
    if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to the MySQL backend`);
    return;
  }
  const applied = applyMigrations(backend.file, path.join(process.cwd(), "prisma", "migrations"));
  if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to ${backend.file}`);
}
