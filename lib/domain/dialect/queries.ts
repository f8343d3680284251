// Read queries whose text depends on the flavor or carries values (the readers in lib/mysql run them).
import { gtidFlavor } from "./capabilities";
import { quoteString as q } from "./quote";
import type { ServerVersion } from "./version";

/** The server's own GTID position, column `pos`: MariaDB @@gtid_binlog_pos, MySQL @@gtid_executed. */
export const gtidPositionQuery = (v: ServerVersion) => (gtidFlavor(v) === "mariadb" ? "SELECT @@gtid_binlog_pos AS pos" : "SELECT @@gtid_executed AS pos");

/** MariaDB: the GTID position matching binlog coordinates, read on the source (column `gtid`). */
export const binlogGtidPosQuery = (file: string, position: number) => `SELECT BINLOG_GTID_POS(${q(file)}, ${q(position)}) AS gtid`;

/** Global variables by name; SHOW never fails on a name this flavor or version lacks (it is just not listed). */
export const variablesQuery = (names: string[]) => `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${names.map(q).join(",")})`;
