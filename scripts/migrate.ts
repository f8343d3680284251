// Applies committed migrations to the data directory's SQLite file (also done automatically at app start).
import path from "node:path";
import { env } from "../lib/config/env";
import { applyMigrations } from "../lib/data/migrate";

const applied = applyMigrations(env().sqliteFile, path.join(process.cwd(), "prisma", "migrations"));
console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
