// Creates a new migration offline (prisma migrate dev needs the network) for both providers: SQLite by diffing the
// migrated state against prisma/schema.prisma; MySQL by regenerating prisma/mysql/schema.prisma and writing the DDL for
// what changed since the schema snapshot of its last migration (scripts/prisma-model.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, listMigrations } from "../lib/data/migrate";
import { writeMysqlSchema } from "./mysql-schema";
import { mysqlMigration, parseModels } from "./prisma-model";

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

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

/** Writes `<dir>/<stamp>_<name>/migration.sql` (and the provider's lock file the first time). */
function writeMigration(dir: string, sql: string, provider: string) {
  const folder = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  const lock = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
  console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
}

function sqliteMigration() {
  const sql = execFileSync(prisma, ["migrate", "diff", ...diffArgs(), "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { env, encoding: "utf8" });
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/i.test(sql)) return console.log("SQLite: schema unchanged, no migration written");
  writeMigration(migrationsDir, sql, "sqlite");
}

function mysqlMigrationFile() {
  writeMysqlSchema();
  const dir = path.resolve("prisma/mysql/migrations");
  const snapshot = path.join(dir, "schema.snapshot.prisma");
  const current = fs.readFileSync("prisma/mysql/schema.prisma", "utf8");
  const sql = mysqlMigration(fs.existsSync(snapshot) ? parseModels(fs.readFileSync(snapshot, "utf8")) : null, parseModels(current));
  if (!sql.trim()) return console.log("MySQL: schema unchanged, no migration written");
  writeMigration(dir, sql, "mysql");
  fs.writeFileSync(snapshot, current);
}

sqliteMigration();
mysqlMigrationFile();
execFileSync(prisma, ["generate", "--schema", "prisma/mysql/schema.prisma"], { env, stdio: "inherit" });
