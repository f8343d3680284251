// Startup work on our own database for the Node.js server: private file modes, committed migrations, interrupted
// runs. Imported once by lib/services/startup.ts (first-run setup and the poller follow there).
import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";

// Every file replscope creates from here on (database, WAL, key, setup code) is readable by its own user only.
process.umask(0o077);

if ((globalThis as Record<symbol, unknown>)[Symbol.for("replscope.peerHeader")] === undefined) {
  console.warn("replscope: WARNING: not started through scripts/server.mjs (npm start): client addresses come from X-Forwarded-For and can be forged");
}

const applied = applyMigrations(env().sqliteFile, path.join(process.cwd(), "prisma", "migrations"));
if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to ${env().sqliteFile}`);

import("./runs")
  .then(async ({ markRunsInterrupted }) => {
    const n = await markRunsInterrupted();
    if (n.bootstrap) console.log(`replscope: ${n.bootstrap} bootstrap run(s) were interrupted by the last stop; they can be retried or aborted`);
    if (n.switchover) console.log(`replscope: ${n.switchover} switchover(s) were interrupted by the last stop; check their servers`);
    if (n.failover) console.log(`replscope: ${n.failover} failover(s) were interrupted by the last stop; they are not resumed: check their servers`);
  })
  .catch((e) => console.error("replscope: could not check interrupted runs:", (e as Error).message));
