// START / STOP (threads, channels, UNTIL), RESET, GTID positioning, read_only and skip statements in one server's dialect.
import type { ChannelStatus } from "../replica-status";
import { gtidFlavor, hasBinaryLogStatus, hasSuperReadOnly, namesConnections, usesReplicaVariables } from "./capabilities";
import { dialectFor, sourceOption } from "./dialect";
import { quoteString as q } from "./quote";
import type { ServerVersion } from "./version";

/** Which replication threads a statement addresses. */
export type Threads = "both" | "io" | "sql";

/** START SLAVE / START REPLICA. */
export const startReplicaStatement = (v: ServerVersion) => dialectFor(v).startReplica;

/** STOP SLAVE / STOP REPLICA. */
export const stopReplicaStatement = (v: ServerVersion) => dialectFor(v).stopReplica;

/** START/STOP [connection] [IO_THREAD|SQL_THREAD] [FOR CHANNEL …]; the channel is named when `named` (several channels, or a named one). */
export function threadStatement(v: ServerVersion, verb: "start" | "stop", threads: Threads, channel: string, named: boolean): string {
  const d = dialectFor(v);
  const base = verb === "start" ? d.startReplica : d.stopReplica;
  const thread = threads === "both" ? "" : threads === "io" ? " IO_THREAD" : " SQL_THREAD";
  if (namesConnections(v)) return `${base}${named ? ` ${q(channel)}` : ""}${thread}`;
  return `${base}${thread}${named ? ` FOR CHANNEL ${q(channel)}` : ""}`;
}

/** START … UNTIL the given source coordinates (the applier stops exactly there). */
export function startUntilStatement(v: ServerVersion, file: string, position: number): string {
  const d = dialectFor(v);
  return `${d.startReplica} UNTIL ${sourceOption(d, "LOG_FILE")}=${q(file)}, ${sourceOption(d, "LOG_POS")}=${q(position)}`;
}

/** START … UNTIL a GTID position (MariaDB master_gtid_pos; MySQL SQL_AFTER_GTIDS on the applier). */
export function startUntilGtidStatement(v: ServerVersion, gtid: string): string {
  if (gtidFlavor(v) === "mariadb") return `${startReplicaStatement(v)} UNTIL master_gtid_pos = ${q(gtid)}`;
  return `${startReplicaStatement(v)} SQL_THREAD UNTIL SQL_AFTER_GTIDS = ${q(gtid)}`;
}

/** True when a replica started UNTIL `until` has stopped there (MySQL's SQL_AFTER_GTIDS stop is taken as reached). */
export function stoppedAtUntil(v: ServerVersion, ch: ChannelStatus | undefined, until: { gtid: string } | { file: string; position: number }): boolean {
  if (ch?.sqlThread !== "stopped") return false;
  if ("gtid" in until) return gtidFlavor(v) === "mysql" || ch.gtidSlavePos === until.gtid;
  return ch.relaySourceLogFile === until.file && ch.execSourceLogPos === until.position;
}

/** Forgets the replica's source configuration entirely (RESET SLAVE ALL / RESET REPLICA ALL). */
export const resetReplicaAllStatement = (v: ServerVersion) => dialectFor(v).resetReplicaAll;

/** STOP + RESET (ALL) of a replica being reconfigured. */
export const resetReplicaStatements = (v: ServerVersion) => [stopReplicaStatement(v), resetReplicaAllStatement(v)];

/** MySQL: empty the replica's GTID state before restoring gtid_purged (RESET MASTER is gone in 8.4). */
export const resetGtidStateStatement = (v: ServerVersion) => (hasBinaryLogStatus(v) ? "RESET BINARY LOGS AND GTIDS" : "RESET MASTER");

/** MySQL: declare the GTIDs the copied data already contains. */
export const setGtidPurged = (gtid: string) => `SET GLOBAL gtid_purged = ${q(gtid)}`;

/** MariaDB: set the replica's GTID position before MASTER_USE_GTID=slave_pos. */
export const setGtidSlavePos = (gtid: string) => `SET GLOBAL gtid_slave_pos = ${q(gtid)}`;

/** Before a MySQL replica loads a dump that carries SET @@GLOBAL.GTID_PURGED: empty its GTID state (nothing on MariaDB). */
export const gtidResetBeforeLoad = (v: ServerVersion) => (gtidFlavor(v) === "mysql" ? [resetGtidStateStatement(v)] : []);

/**
 * What gives a replica its GTID start `gtid` before CHANGE …: MariaDB sets gtid_slave_pos; MySQL declares the set as
 * purged only for data that arrived without a dump's GTID_PURGED (`declarePurged`), else nothing.
 */
export function gtidStartStatements(v: ServerVersion, gtid: string, declarePurged: boolean): string[] {
  if (gtidFlavor(v) === "mariadb") return [setGtidSlavePos(gtid)];
  return declarePurged ? [resetGtidStateStatement(v), setGtidPurged(gtid)] : [];
}

/** SET GLOBAL read_only (and super_read_only where it exists), in the order that works both ways. */
export function readOnlyStatements(v: ServerVersion, on: boolean): string[] {
  const superToo = hasSuperReadOnly(v);
  return on ? ["SET GLOBAL read_only = ON", ...(superToo ? ["SET GLOBAL super_read_only = ON"] : [])] : [...(superToo ? ["SET GLOBAL super_read_only = OFF"] : []), "SET GLOBAL read_only = OFF"];
}

/** MariaDB: the named connection the following SET GLOBAL … applies to. */
export const defaultConnectionStatement = (channel: string) => `SET @@default_master_connection = ${q(channel)}`;

/** Skips one event group: sql_slave_skip_counter, or sql_replica_skip_counter on MySQL ≥ 8.0.26. */
export const skipCounterStatement = (v: ServerVersion) => `SET GLOBAL ${usesReplicaVariables(v) ? "sql_replica_skip_counter" : "sql_slave_skip_counter"} = 1`;

/** MySQL: commits an empty transaction under `gtid`, so the applier skips the real one. */
export const emptyTransactionStatements = (gtid: string) => [`SET GTID_NEXT = ${q(gtid)}`, "BEGIN", "COMMIT", "SET GTID_NEXT = 'AUTOMATIC'"];
