// Which statements to run on a server, by flavor and version (decision rules of the dialect reference).
import { hasBinaryLogStatus, hasBinlogStatus, hasSuperReadOnly, supportsReplicaTerms, usesReplicaVariables, usesSourceTerms } from "./capabilities";
import { semiSyncStatusQuery, semiSyncVariablesQuery } from "./semi-sync";
import { perVersion, type ServerVersion } from "./version";

/** The statements replscope runs to read replication state, in one server's dialect. */
export interface Dialect {
  /** "replica" (REPLICA/SOURCE terms) or "slave" (SLAVE/MASTER terms). */
  terms: "replica" | "slave";
  replicaStatus: string;
  sourceStatus: string;
  replicaHosts: string;
  /** Variables for ServerFacts; each exists on this flavor/version, so the SELECT cannot fail on a missing one. */
  factsQuery: string;
  /** Semi-sync variables (plugins may be absent: read with SHOW, which never fails on a missing name). */
  semiSyncQuery: string;
  /** Semi-sync status counters (Rpl_semi_sync_*), read only when semi-sync is enabled on either side. */
  semiSyncStatusQuery: string;
  startReplica: string;
  stopReplica: string;
  /** Forgets the replica's source configuration entirely (RESET … ALL). */
  resetReplicaAll: string;
  /** "CHANGE REPLICATION SOURCE TO" (MySQL ≥ 8.0.23) or "CHANGE MASTER TO" (older MySQL, every MariaDB). */
  changeSource: string;
  /** Prefix of the CHANGE options: SOURCE_HOST=… or MASTER_HOST=… (8.4 rejects MASTER_*). */
  optionPrefix: "SOURCE_" | "MASTER_";
}

function mysqlFacts(v: ServerVersion): string {
  const replicaUpdates = usesReplicaVariables(v) ? "@@log_replica_updates" : "@@log_slave_updates";
  const parallel = usesReplicaVariables(v) ? "@@replica_parallel_workers" : "@@slave_parallel_workers";
  const superReadOnly = hasSuperReadOnly(v) ? " @@super_read_only AS super_read_only," : "";
  return `SELECT @@server_id AS server_id, @@server_uuid AS server_uuid, @@read_only AS read_only,${superReadOnly} @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@gtid_mode AS gtid_mode, @@gtid_executed AS gtid_executed, ${replicaUpdates} AS log_replica_updates, ${parallel} AS parallel_workers, @@auto_increment_increment AS auto_increment_increment, @@auto_increment_offset AS auto_increment_offset`;
}

function control(terms: "replica" | "slave", sourceTerms: boolean) {
  const word = terms === "replica" ? "REPLICA" : "SLAVE";
  return {
    startReplica: `START ${word}`,
    stopReplica: `STOP ${word}`,
    resetReplicaAll: `RESET ${word} ALL`,
    changeSource: sourceTerms ? "CHANGE REPLICATION SOURCE TO" : "CHANGE MASTER TO",
    optionPrefix: sourceTerms ? ("SOURCE_" as const) : ("MASTER_" as const),
  };
}

const MARIADB_FACTS =
  "SELECT @@server_id AS server_id, @@read_only AS read_only, @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@gtid_strict_mode AS gtid_strict_mode, @@gtid_current_pos AS gtid_current_pos, @@gtid_binlog_pos AS gtid_binlog_pos, @@gtid_slave_pos AS gtid_slave_pos, @@log_slave_updates AS log_replica_updates, @@slave_parallel_threads AS parallel_workers, @@auto_increment_increment AS auto_increment_increment, @@auto_increment_offset AS auto_increment_offset";

function mysqlDialect(v: ServerVersion, terms: "replica" | "slave"): Dialect {
  const replica = terms === "replica";
  return {
    terms,
    replicaStatus: replica ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS",
    sourceStatus: hasBinaryLogStatus(v) && replica ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS",
    replicaHosts: replica ? "SHOW REPLICAS" : "SHOW SLAVE HOSTS",
    factsQuery: mysqlFacts(v),
    semiSyncQuery: semiSyncVariablesQuery(v),
    semiSyncStatusQuery: semiSyncStatusQuery(v),
    ...control(terms, replica && usesSourceTerms(v)),
  };
}

function mariadbDialect(v: ServerVersion, terms: "replica" | "slave"): Dialect {
  const replica = terms === "replica";
  return {
    terms,
    replicaStatus: replica ? "SHOW ALL REPLICAS STATUS" : "SHOW ALL SLAVES STATUS",
    sourceStatus: replica && hasBinlogStatus(v) ? "SHOW BINLOG STATUS" : "SHOW MASTER STATUS",
    replicaHosts: replica ? "SHOW REPLICA HOSTS" : "SHOW SLAVE HOSTS",
    factsQuery: MARIADB_FACTS,
    semiSyncQuery: semiSyncVariablesQuery(v),
    semiSyncStatusQuery: semiSyncStatusQuery(v),
    ...control(terms, false),
  };
}

/** The preferred dialect: new terms on MySQL ≥ 8.0.22 and MariaDB ≥ 10.5.2, old terms before. */
export const dialectFor: (v: ServerVersion) => Dialect = perVersion((v) => {
  const terms = supportsReplicaTerms(v) ? "replica" : "slave";
  return v.flavor === "mariadb" ? mariadbDialect(v, terms) : mysqlDialect(v, terms);
});

/**
 * The same server's other terminology, tried once when the preferred statement is a syntax error: every
 * statement flips (SLAVE ↔ REPLICA, MASTER STATUS ↔ BINARY LOG / BINLOG STATUS, and on MySQL CHANGE MASTER ↔
 * CHANGE REPLICATION SOURCE), whatever the version guessed.
 */
export function fallbackDialect(v: ServerVersion, current: Dialect): Dialect {
  const other = current.terms === "replica" ? "slave" : "replica";
  const base = v.flavor === "mariadb" ? mariadbDialect(v, other) : mysqlDialect(v, other);
  const newSource = v.flavor === "mariadb" ? "SHOW BINLOG STATUS" : "SHOW BINARY LOG STATUS";
  const sourceStatus = current.sourceStatus === "SHOW MASTER STATUS" ? newSource : "SHOW MASTER STATUS";
  if (v.flavor === "mariadb") return { ...base, sourceStatus };
  return { ...base, sourceStatus, ...control(other, current.optionPrefix === "MASTER_") };
}

/** An option of CHANGE MASTER / CHANGE REPLICATION SOURCE in the dialect's spelling, e.g. "HOST" → SOURCE_HOST. */
export function sourceOption(d: Pick<Dialect, "optionPrefix">, name: string): string {
  if (name === "GET_PUBLIC_KEY") return d.optionPrefix === "SOURCE_" ? "GET_SOURCE_PUBLIC_KEY" : "GET_MASTER_PUBLIC_KEY";
  return `${d.optionPrefix}${name}`;
}

/** True for ER_PARSE_ERROR (1064), the server's answer to a statement its version does not know. */
export function isSyntaxError(e: unknown): boolean {
  const err = e as { errno?: number; code?: string } | null;
  return err?.errno === 1064 || err?.code === "ER_PARSE_ERROR";
}
