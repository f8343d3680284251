// replscope's own database on MySQL 8.0+ / MariaDB 10.6+: the connection settings from REPLSCOPE_DATABASE_URL and
// the committed MySQL migrations (prisma/mysql/migrations), applied once even when several instances start together.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import mariadb, { type PoolConfig } from "mariadb";
import { listMigrations } from "./migrate";

/**
 * Every backend session: ANSI_QUOTES (our SQL quotes identifiers with "), UTC, and no NO_BACKSLASH_ESCAPES: the driver
 * escapes quotes in values with a backslash, which under that mode is a plain character, so `\'` would end a string
 * literal early (a replica's error text in a stored snapshot could then write SQL). The rest of the server's mode is kept.
 */
const INIT_SQL = [
  "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ',')), ''), 'ANSI_QUOTES')",
  "SET SESSION time_zone = '+00:00'",
];

/** True for the connection-level failures of the mariadb driver (a socket closed or reset while it connects). */
const driverConnectFailure = (e: unknown) => e instanceof mariadb.SqlError && (e as { fatal?: boolean }).fatal === true;

let guarded = false;

/**
 * mariadb 3.4 rejects a promise nobody awaits when a new connection's first statements fail (the pool still gets the
 * error through its own path): when the backend restarts, that unhandled rejection would end the process. Installed
 * once with the first pool; every other unhandled rejection is thrown on, as Node does by default.
 */
export function guardDriverRejections() {
  if (guarded) return;
  guarded = true;
  process.on("unhandledRejection", (reason) => {
    if (!driverConnectFailure(reason)) throw reason;
    console.warn(`replscope: a connection to the database failed while opening: ${(reason as Error).message}`);
  });
}

/** The driver's settings for a mysql:// or mariadb:// URL (password percent-decoded; ?connectionLimit=N honoured). */
export function mysqlPoolConfig(url: string): PoolConfig {
  const u = new URL(url.replace(/^(mysql|mariadb):/, "http:"));
  const limit = Number(u.searchParams.get("connectionLimit") ?? "10");
  return {
    host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)), connectionLimit: limit, connectTimeout: 5000, acquireTimeout: 10_000,
    initSql: INIT_SQL, bigIntAsNumber: true, insertIdAsNumber: true, decimalAsNumber: true,
  };
}

/** The committed MySQL migrations. */
export const MYSQL_MIGRATIONS = path.join(process.cwd(), "prisma", "mysql", "migrations");

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" DATETIME(3) NULL,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT NULL, "rolled_back_at" DATETIME(3) NULL,
  "started_at" DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`;

/** A migration file's statements (our generated DDL: one statement per `;` at a line end). */
export function splitStatements(sql: string): string[] {
  return sql.split(/;\s*$/m).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean);
}

/**
 * Applies every pending MySQL migration under a named lock (GET_LOCK), so two instances starting together apply each
 * migration once; returns the names this call applied. MySQL commits DDL at once, so a half-applied migration is
 * left unfinished (finished_at NULL) and reported rather than retried blindly.
 */
export async function applyMysqlMigrations(url: string, dir = MYSQL_MIGRATIONS): Promise<string[]> {
  const conn = await mariadb.createConnection({ ...mysqlPoolConfig(url), multipleStatements: false });
  try {
    const [lock] = await conn.query<{ got: number | null }[]>("SELECT GET_LOCK('replscope_migrations', 60) AS got");
    if (lock?.got !== 1) throw new Error("another instance held the migration lock for 60 s");
    await conn.query(MIGRATIONS_TABLE);
    const rows = await conn.query<{ migration_name: string; finished_at: Date | null }[]>(`SELECT "migration_name", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`);
    const broken = rows.find((r) => r.finished_at === null);
    if (broken) throw new Error(`migration ${broken.migration_name} started but did not finish: repair the database, then delete its _prisma_migrations row`);
    const done = new Set(rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      if (done.has(m.name)) continue;
      const id = randomUUID();
      await conn.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES (?, ?, ?)`, [id, createHash("sha256").update(m.sql).digest("hex"), m.name]);
      for (const statement of splitStatements(m.sql)) await conn.query(statement);
      await conn.query(`UPDATE "_prisma_migrations" SET "finished_at" = CURRENT_TIMESTAMP(3), "applied_steps_count" = 1 WHERE "id" = ?`, [id]);
      applied.push(m.name);
    }
    await conn.query("SELECT RELEASE_LOCK('replscope_migrations')");
    return applied;
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}
