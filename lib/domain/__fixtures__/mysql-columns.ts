// Exact MySQL status column lists (shared/reference/replication-dialects.md §2), for fixtures and protocol fakes.

/** MySQL 5.7 SHOW SLAVE STATUS (57 columns). */
export const MYSQL_57_SLAVE = "Slave_IO_State, Master_Host, Master_User, Master_Port, Connect_Retry, Master_Log_File, Read_Master_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Master_Log_File, Slave_IO_Running, Slave_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Master_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Master_SSL_Allowed, Master_SSL_CA_File, Master_SSL_CA_Path, Master_SSL_Cert, Master_SSL_Cipher, Master_SSL_Key, Seconds_Behind_Master, Master_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Master_Server_Id, Master_UUID, Master_Info_File, SQL_Delay, SQL_Remaining_Delay, Slave_SQL_Running_State, Master_Retry_Count, Master_Bind, Last_IO_Error_Timestamp, Last_SQL_Error_Timestamp, Master_SSL_Crl, Master_SSL_Crlpath, Retrieved_Gtid_Set, Executed_Gtid_Set, Auto_Position, Replicate_Rewrite_DB, Channel_Name, Master_TLS_Version".split(", ");

/** MySQL 8.0.0–8.0.21 SHOW SLAVE STATUS: 5.7's list plus three (the 8.0.21 capture). */
export const MYSQL_80_SLAVE = [...MYSQL_57_SLAVE, "Master_public_key_path", "Get_master_public_key", "Network_Namespace"];

/** MySQL 8.0.22+ (8.4, 9.x) SHOW REPLICA STATUS (60 columns). */
export const MYSQL_80_REPLICA = "Replica_IO_State, Source_Host, Source_User, Source_Port, Connect_Retry, Source_Log_File, Read_Source_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Source_Log_File, Replica_IO_Running, Replica_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Source_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Source_SSL_Allowed, Source_SSL_CA_File, Source_SSL_CA_Path, Source_SSL_Cert, Source_SSL_Cipher, Source_SSL_Key, Seconds_Behind_Source, Source_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Source_Server_Id, Source_UUID, Source_Info_File, SQL_Delay, SQL_Remaining_Delay, Replica_SQL_Running_State, Source_Retry_Count, Source_Bind, Last_IO_Error_Timestamp, Last_SQL_Error_Timestamp, Source_SSL_Crl, Source_SSL_Crlpath, Retrieved_Gtid_Set, Executed_Gtid_Set, Auto_Position, Replicate_Rewrite_DB, Channel_Name, Source_TLS_Version, Source_public_key_path, Get_Source_public_key, Network_Namespace".split(", ");

/** MySQL 8.0.22–8.3 SHOW SLAVE STATUS: the same 60 columns under the old names (identical to the 8.0.21 list). */
export const MYSQL_8X_SLAVE_OLD_NAMES = MYSQL_80_SLAVE;

/** SHOW REPLICAS (8.0.22+) and 5.7 SHOW SLAVE HOSTS; SHOW MASTER / BINARY LOG STATUS. */
export const MYSQL_REPLICAS = ["Server_Id", "Host", "Port", "Source_Id", "Replica_UUID"];
export const MYSQL_57_SLAVE_HOSTS = ["Server_id", "Host", "Port", "Master_id", "Slave_UUID"];
export const MYSQL_BINLOG_STATUS = ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB", "Executed_Gtid_Set"];

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
    else if (c in v) row[c] = (v as unknown as Record<string, string | number>)[c];
    else if (/(Pos|Errno|Port|Delay|Retry|Counter|Space|Id|Allowed|Auto_Position|Get_)/i.test(c) && !/File|Ids|UUID|Path|Namespace/.test(c)) row[c] = c === "SQL_Remaining_Delay" ? null : 0;
    else row[c] = "";
  }
  return row;
}
