// SQL fragments for our own database whose spelling differs between SQLite and MySQL/MariaDB.
import "server-only";
import type { SqlFlavor } from "./sql-rows";

/**
 * How many whole `divisor`s fit in a non-negative `dividend`, rounded down: MySQL's and MariaDB's `CAST(… AS INTEGER)`
 * rounds (2.5 → 3), SQLite's truncates, so a time bucket needs FLOOR there and CAST here.
 */
export const floorDivSql = (flavor: SqlFlavor, dividend: string, divisor: string) =>
  flavor === "mysql" ? `FLOOR((${dividend}) / ${divisor})` : `CAST((${dividend}) / ${divisor} AS INTEGER)`;

/**
 * A text column read by a raw query, as text on both backends: our MySQL tables are utf8mb4_bin, which the MariaDB
 * adapter reports as binary and then refuses to return ("Cannot serialize value of type string as Bytes").
 */
export const textColumnSql = (column: string) => `CAST("${column}" AS CHAR) AS "${column}"`;
