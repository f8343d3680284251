// The sampled consistency check: which tables to sample and the row-hash query both sides run (pure).
import { quoteIdentifier } from "../dialect";

/** A user table with its engine and estimated rows. */
export interface TableInfo {
  schema: string;
  name: string;
  engine: string;
  rows: number;
  columns: string[];
}

/** Up to `n` InnoDB tables (only they read consistently inside a snapshot), largest first, plus the smallest. */
export function sampleTables(tables: TableInfo[], n = 5): TableInfo[] {
  const innodb = tables.filter((t) => t.engine.toLowerCase() === "innodb" && t.columns.length > 0).sort((a, b) => b.rows - a.rows);
  if (innodb.length <= n) return innodb;
  return [...innodb.slice(0, n - 1), innodb[innodb.length - 1]];
}

/** COUNT(*) and an order-independent hash of every row (BIT_XOR of CRC32 over all columns, NULL-safe). */
export function rowHashQuery(t: TableInfo): string {
  const cols = t.columns.map((c) => `COALESCE(CAST(${quoteIdentifier(c)} AS CHAR), '\\0')`).join(", ");
  return `SELECT COUNT(*) AS n, COALESCE(BIT_XOR(CRC32(CONCAT_WS('#', ${cols}))), 0) AS h FROM ${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`;
}
