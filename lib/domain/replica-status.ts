// Normalises replica status rows of every dialect, by column name, into one channel shape (names stay here).
import { cellText } from "./cell-text";

/** IO (receiver) thread state. */
export type IoThread = "running" | "connecting" | "stopped";
/** SQL (applier) thread state. */
export type SqlThread = "running" | "stopped";

/** One replication channel (MySQL channel or MariaDB named connection) in replscope's own terms. */
export interface ChannelStatus {
  channel: string;
  sourceHost: string;
  /** The replication account the channel connects with. */
  sourceUser: string;
  sourcePort: number;
  sourceServerId: number | null;
  sourceUuid: string | null;
  ioThread: IoThread;
  sqlThread: SqlThread;
  ioState: string;
  applierState: string;
  secondsBehind: number | null;
  sqlDelay: number;
  sqlRemainingDelay: number | null;
  lastIoErrno: number;
  lastIoError: string;
  lastIoErrorAt: string | null;
  lastSqlErrno: number;
  lastSqlError: string;
  lastSqlErrorAt: string | null;
  sourceLogFile: string;
  readSourceLogPos: number | null;
  relaySourceLogFile: string;
  execSourceLogPos: number | null;
  relayLogFile: string;
  relayLogPos: number | null;
  retrievedGtidSet: string;
  executedGtidSet: string;
  gtidIoPos: string;
  gtidSlavePos: string;
  usingGtid: boolean;
  gtidMode: string;
  filters: string[];
}

type Row = Record<string, unknown>;

function pick(row: Row, ...names: string[]): unknown {
  for (const n of names) if (n in row) return row[n];
  return undefined;
}
const str = (row: Row, ...names: string[]) => {
  const v = pick(row, ...names);
  return cellText(v);
};
const num = (row: Row, ...names: string[]): number | null => {
  const v = pick(row, ...names);
  if (v === null || v === undefined || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const when = (row: Row, name: string) => str(row, name).trim() || null;

function ioThread(v: string): IoThread {
  if (v === "Yes") return "running";
  if (v === "Connecting" || v === "Preparing") return "connecting";
  return "stopped";
}

const FILTERS = ["Replicate_Do_DB", "Replicate_Ignore_DB", "Replicate_Do_Table", "Replicate_Ignore_Table", "Replicate_Wild_Do_Table", "Replicate_Wild_Ignore_Table", "Replicate_Rewrite_DB", "Replicate_Do_Domain_Ids", "Replicate_Ignore_Domain_Ids"];

/** One status row (old or new column names, MySQL or MariaDB) → ChannelStatus. */
export function normaliseReplicaRow(row: Row): ChannelStatus {
  const usingGtid = str(row, "Using_Gtid");
  const autoPosition = num(row, "Auto_Position");
  return {
    channel: str(row, "Channel_Name", "Connection_name"),
    sourceHost: str(row, "Source_Host", "Master_Host"),
    sourceUser: str(row, "Source_User", "Master_User"),
    sourcePort: num(row, "Source_Port", "Master_Port") ?? 0,
    sourceServerId: num(row, "Source_Server_Id", "Master_Server_Id"),
    sourceUuid: str(row, "Source_UUID", "Master_UUID") || null,
    ioThread: ioThread(str(row, "Replica_IO_Running", "Slave_IO_Running")),
    sqlThread: str(row, "Replica_SQL_Running", "Slave_SQL_Running") === "Yes" ? "running" : "stopped",
    ioState: str(row, "Replica_IO_State", "Slave_IO_State"),
    applierState: str(row, "Replica_SQL_Running_State", "Slave_SQL_Running_State"),
    secondsBehind: num(row, "Seconds_Behind_Source", "Seconds_Behind_Master"),
    sqlDelay: num(row, "SQL_Delay") ?? 0,
    sqlRemainingDelay: num(row, "SQL_Remaining_Delay"),
    lastIoErrno: num(row, "Last_IO_Errno") ?? 0,
    lastIoError: str(row, "Last_IO_Error"),
    lastIoErrorAt: when(row, "Last_IO_Error_Timestamp"),
    lastSqlErrno: num(row, "Last_SQL_Errno") ?? 0,
    lastSqlError: str(row, "Last_SQL_Error"),
    lastSqlErrorAt: when(row, "Last_SQL_Error_Timestamp"),
    sourceLogFile: str(row, "Source_Log_File", "Master_Log_File"),
    readSourceLogPos: num(row, "Read_Source_Log_Pos", "Read_Master_Log_Pos"),
    relaySourceLogFile: str(row, "Relay_Source_Log_File", "Relay_Master_Log_File"),
    execSourceLogPos: num(row, "Exec_Source_Log_Pos", "Exec_Master_Log_Pos"),
    relayLogFile: str(row, "Relay_Log_File"),
    relayLogPos: num(row, "Relay_Log_Pos"),
    retrievedGtidSet: str(row, "Retrieved_Gtid_Set").replace(/\s+/g, ""),
    executedGtidSet: str(row, "Executed_Gtid_Set").replace(/\s+/g, ""),
    gtidIoPos: str(row, "Gtid_IO_Pos"),
    gtidSlavePos: str(row, "Gtid_Slave_Pos"),
    usingGtid: autoPosition === 1 || (usingGtid !== "" && usingGtid !== "No"),
    gtidMode: autoPosition === 1 ? "auto_position" : usingGtid && usingGtid !== "No" ? usingGtid.toLowerCase() : "off",
    filters: FILTERS.filter((f) => str(row, f).trim() !== "").map((f) => `${f}=${str(row, f)}`),
  };
}

/** All rows of a replica status statement → channels (empty when the server replicates from nobody). */
export function normaliseReplicaRows(rows: Row[]): ChannelStatus[] {
  return rows.map(normaliseReplicaRow);
}
