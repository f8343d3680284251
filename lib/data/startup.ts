// Startup work for the Node.js server: apply committed migrations to the data directory's SQLite file.
import path from "node:path";
import { env } from "@/lib/config/env";
import { applyMigrations } from "./migrate";

const applied = applyMigrations(env().sqliteFile, path.join(process.cwd(), "prisma", "migrations"));
if (applied.length) console.log(`replscope: applied ${applied.length} migration(s) to ${env().sqliteFile}`);

import("./runs")
  .then(async ({ markRunsInterrupted }) => {
    const n = await markRunsInterrupted();
    if (n.bootstrap) console.log(`replscope: ${n.bootstrap} bootstrap run(s) were interrupted by the last stop; they can be retried or aborted`);
    if (n.switchover) console.log(`replscope: ${n.switchover} switchover(s) were interrupted by the last stop; check their servers`);
  })
  .catch((e) => console.error("replscope: could not check interrupted runs:", (e as Error).message));

import("@/lib/services/auth")
  .then(({ ensureEnvAdmin }) => ensureEnvAdmin())
  .catch((e) => console.error("replscope: could not create the env admin:", (e as Error).message));
