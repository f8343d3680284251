// Typed readers of what data a server holds: user databases, their size, user tables, row checksums.
import "server-only";
import { rowHashQuery, type TableInfo } from "@/lib/domain/bootstrap/checksum";
import type { Queryable, Rows } from "./query";
import { cellText } from "@/lib/domain/cell-text";

const SYSTEM = "('mysql','information_schema','performance_schema','sys')";
const SYSTEM_AND_OURS = "('mysql','information_schema','performance_schema','sys','replscope')";

/** The databases that are not the server's own. */
export async function listUserDatabases(c: Queryable): Promise<string[]> {
  const rows = await c.query<{ s: string }[]>(`SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ${SYSTEM}`);
  return rows.map((r) => String(r.s));
}

/** Bytes of data and indexes in the user databases (an estimate from information_schema). */
export async function userDataBytes(c: Queryable): Promise<number> {
  const [row] = await c.query<{ b: number | null }[]>(`SELECT SUM(DATA_LENGTH + INDEX_LENGTH) AS b FROM information_schema.TABLES WHERE TABLE_SCHEMA NOT IN ${SYSTEM}`);
  return Number(row?.b ?? 0);
}

/** How many user tables are not InnoDB (a consistent copy of those needs a read lock). */
export async function countNonTransactionalTables(c: Queryable): Promise<number> {
  const [row] = await c.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB' AND TABLE_SCHEMA NOT IN ${SYSTEM}`);
  return Number(row?.n ?? 0);
}

/** Every user table (replscope's heartbeat schema excluded) with engine, estimated rows and columns in order. */
export async function listUserTables(c: Queryable): Promise<TableInfo[]> {
  const rows = await c.query<Rows>(`SELECT t.TABLE_SCHEMA AS s, t.TABLE_NAME AS n, t.ENGINE AS e, t.TABLE_ROWS AS r, GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION SEPARATOR '\\n') AS cols FROM information_schema.TABLES t JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA NOT IN ${SYSTEM_AND_OURS} GROUP BY t.TABLE_SCHEMA, t.TABLE_NAME, t.ENGINE, t.TABLE_ROWS`);
  return rows.map((r) => ({ schema: String(r.s), name: String(r.n), engine: cellText(r.e), rows: Number(r.r ?? 0), columns: cellText(r.cols).split("\n").filter(Boolean) }));
}

/** COUNT(*) and the order-independent row hash of one table (inside the connection's snapshot, when it has one). */
export async function tableChecksum(c: Queryable, t: TableInfo): Promise<{ rows: number; hash: string }> {
  const [row] = await c.query<{ n: number; h: number | string }[]>(rowHashQuery(t));
  return { rows: Number(row.n), hash: String(row.h) };
}
