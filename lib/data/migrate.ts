// Applies committed Prisma migrations at startup, compatible with Prisma's own _prisma_migrations table.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { securePrivateDir, securePrivateFiles } from "./data-dir";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

/** Lists migration folders in apply order (their names start with a UTC stamp). */
export function listMigrations(dir: string): { name: string; sql: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => ({ name: d.name, sql: fs.readFileSync(path.join(dir, d.name, "migration.sql"), "utf8") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies every pending migration in its own transaction; returns the names applied. Idempotent. */
export function applyMigrations(sqliteFile: string, migrationsDir: string): string[] {
  const dir = path.dirname(sqliteFile);
  securePrivateDir(dir);
  const db = new Database(sqliteFile);
  try {
    db.pragma("journal_mode = WAL");
    const base = path.basename(sqliteFile);
    securePrivateFiles(dir, [base, `${base}-wal`, `${base}-shm`, `${base}-journal`]);
    db.pragma("busy_timeout = 5000");
    db.exec(MIGRATIONS_TABLE);
    const done = new Set(
      db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const applied: string[] = [];
    for (const m of listMigrations(migrationsDir)) {
      if (done.has(m.name)) continue;
      const checksum = createHash("sha256").update(m.sql).digest("hex");
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(randomUUID(), checksum, m.name);
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}
