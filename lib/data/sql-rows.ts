// Multi-row INSERT/upsert text for our own tables, in either backend's SQL (values always travel as `?` parameters).
import "server-only";
export type SqlFlavor = "sqlite" | "mysql";

/** Column names quoted as identifiers ("x": MySQL sessions run with ANSI_QUOTES). */
export const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/** `count` rows of `?` placeholders, one per column. */
export function valueRows(columns: readonly string[], count: number): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return Array<string>(count).fill(row).join(", ");
}

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
