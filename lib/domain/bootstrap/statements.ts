// Statements the bootstrap wizard runs, per dialect, every value escaped by mysql2 (pure: text only, nothing is run).
import mysql from "mysql2";
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

/** True when the replica speaks CHANGE REPLICATION SOURCE (MySQL ≥ 8.0.23); MariaDB never does. */
export const usesSourceTerms = (v: ServerVersion) => v.flavor === "mysql" && atLeast(v, 8, 0, 23);

/** CHANGE MASTER TO … / CHANGE REPLICATION SOURCE TO … for the replica's dialect. */
export function changeSourceStatement(replica: ServerVersion, o: PointOptions): string {
  const src = usesSourceTerms(replica);
  const opt = (name: string) => (src ? `SOURCE_${name}` : `MASTER_${name}`);
  const parts = [`${opt("HOST")}=${esc(o.host)}`, `${opt("PORT")}=${esc(o.port)}`, `${opt("USER")}=${esc(o.user)}`, `${opt("PASSWORD")}=${esc(o.password)}`];
  if (o.start.kind === "file") parts.push(`${opt("LOG_FILE")}=${esc(o.start.file)}`, `${opt("LOG_POS")}=${esc(o.start.position)}`);
  else if (replica.flavor === "mariadb") parts.push("MASTER_USE_GTID=slave_pos");
  else parts.push(`${opt("AUTO_POSITION")}=1`);
  if (o.getPublicKey && replica.flavor === "mysql" && atLeast(replica, 8)) parts.push(src ? "GET_SOURCE_PUBLIC_KEY=1" : "GET_MASTER_PUBLIC_KEY=1");
  return `${src ? "CHANGE REPLICATION SOURCE TO" : "CHANGE MASTER TO"} ${parts.join(", ")}`;
}

/** START SLAVE / START REPLICA. */
export const startReplicaStatement = (v: ServerVersion) => (v.flavor === "mysql" ? (atLeast(v, 8, 0, 22) ? "START REPLICA" : "START SLAVE") : atLeast(v, 10, 5, 1) ? "START REPLICA" : "START SLAVE");

/** STOP SLAVE / STOP REPLICA. */
export const stopReplicaStatement = (v: ServerVersion) => startReplicaStatement(v).replace("START", "STOP");

/** START … UNTIL the given source coordinates (the applier stops exactly there). */
export function startUntilStatement(v: ServerVersion, file: string, position: number): string {
  const p = usesSourceTerms(v) ? "SOURCE" : "MASTER";
  return `${startReplicaStatement(v)} UNTIL ${p}_LOG_FILE=${esc(file)}, ${p}_LOG_POS=${esc(position)}`;
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
  const replica = v.flavor === "mysql" ? atLeast(v, 8, 0, 22) : atLeast(v, 10, 5, 1);
  return replica ? ["STOP REPLICA", "RESET REPLICA ALL"] : ["STOP SLAVE", "RESET SLAVE ALL"];
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
