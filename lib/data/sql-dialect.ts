// Our own database's SQL where SQLite and MySQL/MariaDB spell it differently, in one place: multi-row inserts and
// upserts, time buckets, the database's clock, raw text reads. Values always travel as `?` parameters.
import "server-only";
import { env } from "@/lib/config/env";

export type SqlFlavor = "sqlite" | "mysql";

/** Which SQL our raw statements must speak. */
export function sqlFlavor(): SqlFlavor {
  return env().backend.kind;
}

/** Column names quoted as identifiers ("x": MySQL sessions run with ANSI_QUOTES). */
export const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/** `?, ?, …`: `count` placeholders (an `IN (…)` list, or one row's values). */
export const placeholders = (count: number) => Array<string>(count).fill("?").join(", ");

/** `count` rows of `?` placeholders, one per column. */
export function valueRows(columns: readonly string[], count: number): string {
  return Array<string>(count).fill(`(${placeholders(columns.length)})`).join(", ");
}

/** Rows in groups of `size`: one statement each, under both backends' limits on placeholders per statement. */
export const batches = <T>(rows: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** `INSERT … VALUES` of `count` rows; a row whose `conflictOn` key exists is left as it is when conflictOn is given. */
export function insertRowsSql(flavor: SqlFlavor, table: string, columns: readonly string[], count: number, conflictOn?: readonly string[]): string {
  const insert = `INSERT INTO "${table}" (${columnList(columns)}) VALUES ${valueRows(columns, count)}`;
  if (!conflictOn) return insert;
  return flavor === "mysql" ? `${insert} ON DUPLICATE KEY UPDATE "${conflictOn[0]}" = "${conflictOn[0]}"` : `${insert} ON CONFLICT(${columnList(conflictOn)}) DO NOTHING`;
}

/** Upsert of `count` rows keyed by the first column: every other column replaced on a conflict. */
export function upsertRowsSql(flavor: SqlFlavor, table: string, columns: readonly string[], count: number): string {
  const [key, ...rest] = columns;
  const update =
    flavor === "mysql"
      ? ` ON DUPLICATE KEY UPDATE ${rest.map((c) => `"${c}" = VALUES("${c}")`).join(", ")}`
      : ` ON CONFLICT("${key}") DO UPDATE SET ${rest.map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;
  return insertRowsSql(flavor, table, columns, count) + update;
}

/**
 * How many whole `divisor`s fit in a non-negative `dividend`, rounded down: MySQL's and MariaDB's `CAST(… AS INTEGER)`
 * rounds (2.5 → 3), SQLite's truncates, so a time bucket needs FLOOR there and CAST here.
 */
export const floorDivSql = (flavor: SqlFlavor, dividend: string, divisor: string) =>
  flavor === "mysql" ? `FLOOR((${dividend}) / ${divisor})` : `CAST((${dividend}) / ${divisor} AS INTEGER)`;

/** The database's clock in epoch milliseconds, as `"now"` (leases are timed by it, so every instance agrees). */
export const nowMsSql = (flavor: SqlFlavor) =>
  flavor === "mysql" ? `SELECT UNIX_TIMESTAMP(NOW(3)) * 1000 AS "now"` : `SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS REAL) AS "now"`;

/**
 * A text column in a raw query's result, as text on both backends. The rule for every raw read of text: our MySQL
 * tables are utf8mb4_bin, which the MariaDB adapter reports as binary and then refuses to return ("Cannot serialize
 * value of type string as Bytes").
 */
export const textColumnSql = (column: string) => `CAST("${column}" AS CHAR) AS "${column}"`;
