// Statements the bootstrap wizard runs, per dialect, every value escaped by mysql2 (pure: text only, nothing is run).
// Backslash escapes are safe because every session first drops NO_BACKSLASH_ESCAPES (lib/domain/sql-mode.ts).
import mysql from "mysql2";
import { dialectFor, sourceOption } from "../dialect";
import { atLeast, type ServerVersion } from "../server-version";

/** Where the replica starts: binlog coordinates, or GTID auto-positioning. */
export type StartPosition = { kind: "file"; file: string; position: number } | { kind: "gtid"; gtidSet?: string };

/** What CHANGE MASTER / CHANGE REPLICATION SOURCE needs. */
export interface PointOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  start: StartPosition;
  /** MySQL 8 caching_sha2_password without TLS: ask the source for its public key. */
  getPublicKey?: boolean;
}

const esc = (v: string | number) => mysql.escape(v);

/** CHANGE MASTER TO … / CHANGE REPLICATION SOURCE TO … in the replica's dialect (lib/domain/dialect.ts). */
export function changeSourceStatement(replica: ServerVersion, o: PointOptions): string {
  const d = dialectFor(replica);
  const opt = (name: string) => sourceOption(d, name);
  const parts = [`${opt("HOST")}=${esc(o.host)}`, `${opt("PORT")}=${esc(o.port)}`, `${opt("USER")}=${esc(o.user)}`, `${opt("PASSWORD")}=${esc(o.password)}`];
  if (o.start.kind === "file") parts.push(`${opt("LOG_FILE")}=${esc(o.start.file)}`, `${opt("LOG_POS")}=${esc(o.start.position)}`);
  else if (replica.flavor === "mariadb") parts.push("MASTER_USE_GTID=slave_pos");
  else parts.push(`${opt("AUTO_POSITION")}=1`);
  if (o.getPublicKey && replica.flavor === "mysql" && atLeast(replica, 8)) parts.push(`${opt("GET_PUBLIC_KEY")}=1`);
  return `${d.changeSource} ${parts.join(", ")}`;
}

/** START SLAVE / START REPLICA. */
export const startReplicaStatement = (v: ServerVersion) => dialectFor(v).startReplica;

/** STOP SLAVE / STOP REPLICA. */
export const stopReplicaStatement = (v: ServerVersion) => dialectFor(v).stopReplica;

/** START … UNTIL the given source coordinates (the applier stops exactly there). */
export function startUntilStatement(v: ServerVersion, file: string, position: number): string {
  const d = dialectFor(v);
  return `${d.startReplica} UNTIL ${sourceOption(d, "LOG_FILE")}=${esc(file)}, ${sourceOption(d, "LOG_POS")}=${esc(position)}`;
}

/** START … UNTIL a GTID position (MariaDB master_gtid_pos; MySQL SQL_AFTER_GTIDS on the applier). */
export function startUntilGtidStatement(v: ServerVersion, gtid: string): string {
  if (v.flavor === "mariadb") return `${startReplicaStatement(v)} UNTIL master_gtid_pos = ${esc(gtid)}`;
  return `${startReplicaStatement(v)} SQL_THREAD UNTIL SQL_AFTER_GTIDS = ${esc(gtid)}`;
}

/** MySQL: empty the replica's GTID state before restoring gtid_purged (RESET MASTER is gone in 8.4). */
export const resetGtidStateStatement = (v: ServerVersion) => (v.flavor === "mysql" && atLeast(v, 8, 2) ? "RESET BINARY LOGS AND GTIDS" : "RESET MASTER");

/** MySQL: declare the GTIDs the copied data already contains. */
export const setGtidPurged = (gtid: string) => `SET GLOBAL gtid_purged = ${esc(gtid)}`;

/** The source's current GTID position: MariaDB @@gtid_binlog_pos, MySQL @@gtid_executed (column `pos`). */
export const gtidPositionQuery = (v: ServerVersion) => (v.flavor === "mariadb" ? "SELECT @@gtid_binlog_pos AS pos" : "SELECT @@gtid_executed AS pos");

/** MariaDB: the GTID position matching binlog coordinates, read on the source. */
export const binlogGtidPosQuery = (file: string, position: number) => `SELECT BINLOG_GTID_POS(${esc(file)}, ${esc(position)}) AS gtid`;

/** STOP + RESET (ALL) of a replica being reconfigured. */
export function resetReplicaStatements(v: ServerVersion): string[] {
  const d = dialectFor(v);
  return [d.stopReplica, d.resetReplicaAll];
}

/** MariaDB: set the replica's GTID position before MASTER_USE_GTID=slave_pos. */
export const setGtidSlavePos = (gtid: string) => `SET GLOBAL gtid_slave_pos = ${esc(gtid)}`;

/** The replication account on the source: created with a password, granted REPLICATION SLAVE only. */
export function replicationUserStatements(user: string, hostPattern: string, password: string): string[] {
  return [`CREATE USER ${esc(user)}@${esc(hostPattern)} IDENTIFIED BY ${esc(password)}`, `GRANT REPLICATION SLAVE ON *.* TO ${esc(user)}@${esc(hostPattern)}`];
}

/** Replaces every quoted password in a statement with '*****' (for dry runs, runbooks and the audit trail). */
export function maskSecrets(sql: string, secrets: string[]): string {
  return secrets.filter(Boolean).reduce((text, s) => text.split(esc(s)).join("'*****'").split(s).join("*****"), sql);
}
