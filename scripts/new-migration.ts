// Creates a new migration offline (prisma migrate dev needs the network): diff the migrated state against the schema.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, listMigrations } from "../lib/data/migrate";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) throw new Error("usage: npm run db:migration -- <name>");
const migrationsDir = path.resolve("prisma/migrations");
const prisma = path.resolve("node_modules/.bin/prisma");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

function diffArgs(): string[] {
  if (listMigrations(migrationsDir).length === 0) return ["--from-empty"];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-migration-"));
  const scratchDb = path.join(scratch, "scratch.db");
  applyMigrations(scratchDb, migrationsDir);
  const pulled = execFileSync(prisma, ["db", "pull", "--print"], { env: { ...env, SQLITE_FILE: scratchDb }, encoding: "utf8" });
  const schema = path.join(scratch, "schema.prisma");
  fs.writeFileSync(schema, pulled.slice(pulled.indexOf("generator")));
  return ["--from-schema-datamodel", schema];
}

const sql = execFileSync(prisma, ["migrate", "diff", ...diffArgs(), "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { env, encoding: "utf8" });
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/i.test(sql)) {
  console.log("schema unchanged: no migration written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
