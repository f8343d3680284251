// Per-server facts (ids, read_only, binlog, GTID, semi-sync) and source-side rows, normalised by name.
import { cellText } from "./cell-text";
import { normaliseSemiSync, type SemiSync } from "./semi-sync";

/** What replscope knows about a server's replication configuration. */
export interface ServerFacts {
  serverId: number | null;
  serverUuid: string | null;
  readOnly: boolean;
  superReadOnly: boolean | null;
  logBin: boolean;
  binlogFormat: string;
  gtidMode: string;
  gtidExecuted: string;
  logReplicaUpdates: boolean;
  parallelWorkers: number;
  autoIncrementIncrement: number;
  autoIncrementOffset: number;
  semiSync: SemiSync;
}

/** The source side: current binlog coordinates. */
export interface SourceStatus {
  file: string;
  position: number;
  gtidExecuted: string;
}

/** A replica as listed by its source (SHOW REPLICAS / SLAVE HOSTS / REPLICA HOSTS). */
export interface ListedReplica {
  serverId: number;
  host: string;
  port: number;
  sourceId: number | null;
  uuid: string | null;
}

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === "1" || v === "ON" || v === "on" || v === true;
const numOr = (v: unknown, d: number) => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? d : Number(v));

/** Normalises the dialect's facts SELECT plus the semi-sync SHOW VARIABLES (and, when read, SHOW STATUS) rows. */
export function normaliseFacts(row: Row, semiSyncRows: Row[] = [], semiSyncStatusRows: Row[] = []): ServerFacts {
  const mariaGtid = row.gtid_current_pos !== undefined;
  return {
    serverId: row.server_id === undefined ? null : numOr(row.server_id, 0),
    serverUuid: row.server_uuid ? cellText(row.server_uuid) : null,
    readOnly: bool(row.read_only),
    superReadOnly: row.super_read_only === undefined ? null : bool(row.super_read_only),
    logBin: bool(row.log_bin),
    binlogFormat: cellText(row.binlog_format),
    gtidMode: mariaGtid ? (bool(row.gtid_strict_mode) ? "strict" : "on") : cellText(row.gtid_mode, "OFF"),
    gtidExecuted: cellText(mariaGtid ? row.gtid_binlog_pos : row.gtid_executed).replace(/\s+/g, ""),
    logReplicaUpdates: bool(row.log_replica_updates),
    parallelWorkers: numOr(row.parallel_workers, 0),
    autoIncrementIncrement: numOr(row.auto_increment_increment, 1),
    autoIncrementOffset: numOr(row.auto_increment_offset, 1),
    semiSync: normaliseSemiSync(semiSyncRows, semiSyncStatusRows),
  };
}

/** SHOW MASTER / BINARY LOG / BINLOG STATUS → coordinates; null when the binary log is off (no row). */
export function normaliseSourceStatus(rows: Row[]): SourceStatus | null {
  const r = rows[0];
  if (!r) return null;
  return { file: cellText(r.File), position: numOr(r.Position, 0), gtidExecuted: cellText(r.Executed_Gtid_Set).replace(/\s+/g, "") };
}

/** SHOW REPLICAS / SLAVE HOSTS / REPLICA HOSTS rows → listed replicas. */
export function normaliseReplicaHosts(rows: Row[]): ListedReplica[] {
  return rows.map((r) => ({
    serverId: numOr(r.Server_Id ?? r.Server_id, 0),
    host: cellText(r.Host),
    port: numOr(r.Port, 0),
    sourceId: r.Source_Id ?? r.Master_id ?? r.Master_Id ? numOr(r.Source_Id ?? r.Master_id ?? r.Master_Id, 0) : null,
    uuid: (r.Replica_UUID ?? r.Slave_UUID) ? String(r.Replica_UUID ?? r.Slave_UUID) : null,
  }));
}

/** A binary log the source still has (SHOW BINARY LOGS). */
export interface BinaryLog {
  name: string;
  size: number;
}

/** SHOW BINARY LOGS rows → the logs with their sizes in bytes. */
export const normaliseBinaryLogs = (rows: Row[]): BinaryLog[] => rows.map((r) => ({ name: String(r.Log_name), size: Number(r.File_size) }));

/** SHOW VARIABLES rows → value by lower-case name. */
export const normaliseVariables = (rows: Row[]): Map<string, string> =>
  new Map(rows.map((r) => [String(r.Variable_name ?? r.variable_name).toLowerCase(), cellText(r.Value ?? r.value)]));
