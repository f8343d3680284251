// Status rows built from the exact column lists (test/fakes/columns.ts), for fixtures and protocol fakes.
import { MYSQL_57_SLAVE, MYSQL_80_REPLICA, MYSQL_80_SLAVE, MYSQL_8X_SLAVE_OLD_NAMES } from "@/test/fakes/columns";

export { MYSQL_57_SLAVE, MYSQL_80_REPLICA, MYSQL_80_SLAVE, MYSQL_8X_SLAVE_OLD_NAMES };

/** Semantic values for a status row, mapped onto whichever column list is given. */
export interface RowValues {
  Channel_Name: string;
  Seconds_Behind: number | null;
  Host: string;
  Port: number;
  IO: string;
  SQL: string;
  Auto_Position?: number;
  SQL_Delay?: number;
  Last_SQL_Errno?: number;
  Last_SQL_Error?: string;
  Last_IO_Errno?: number;
  Last_IO_Error?: string;
  SQL_Remaining_Delay?: number | null;
  /** Replica_/Slave_SQL_Running_State (and MariaDB's Slave_SQL_State). */
  ApplierState?: string;
  /** Replica_/Slave_IO_State. */
  IOState?: string;
  SourceServerId?: number;
  Retrieved_Gtid_Set?: string;
  Executed_Gtid_Set?: string;
  Using_Gtid?: string;
  Gtid_IO_Pos?: string;
}

/** A full status row for `columns` (every column present, unset ones empty or 0) carrying `v`. */
export function rowFrom(columns: string[], v: RowValues): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {};
  for (const c of columns) {
    if (/Seconds_Behind/.test(c)) row[c] = v.Seconds_Behind;
    else if (/^(Source|Master)_Host$/.test(c)) row[c] = v.Host;
    else if (/^(Source|Master)_Port$/.test(c)) row[c] = v.Port;
    else if (/^(Replica|Slave)_IO_Running$/.test(c)) row[c] = v.IO;
    else if (/^(Replica|Slave)_SQL_Running$/.test(c)) row[c] = v.SQL;
    else if (/^((Replica|Slave)_SQL_Running_State|Slave_SQL_State)$/.test(c)) row[c] = v.ApplierState ?? "";
    else if (/^(Replica|Slave)_IO_State$/.test(c)) row[c] = v.IOState ?? "";
    else if (/^(Source|Master)_Server_Id$/.test(c)) row[c] = v.SourceServerId ?? 0;
    else if (c in v) row[c] = (v as unknown as Record<string, string | number | null>)[c];
    else if (/(Pos|Errno|Port|Delay|Retry|Counter|Space|Id|Allowed|Auto_Position|Get_)/i.test(c) && !/File|Ids|UUID|Path|Namespace|Gtid/.test(c)) row[c] = c === "SQL_Remaining_Delay" ? null : 0;
    else row[c] = "";
  }
  return row;
}
