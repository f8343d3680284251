// Which statements to run on a server, by flavor and version (decision rules of the dialect reference).
import { atLeast, type ServerVersion } from "./server-version";

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
}

const SEMI_SYNC = "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('rpl_semi_sync_master_enabled','rpl_semi_sync_slave_enabled','rpl_semi_sync_source_enabled','rpl_semi_sync_replica_enabled')";

function mysqlFacts(v: ServerVersion): string {
  const replicaUpdates = atLeast(v, 8, 0, 26) ? "@@log_replica_updates" : "@@log_slave_updates";
  const parallel = atLeast(v, 8, 0, 26) ? "@@replica_parallel_workers" : "@@slave_parallel_workers";
  return `SELECT @@server_id AS server_id, @@server_uuid AS server_uuid, @@read_only AS read_only, @@super_read_only AS super_read_only, @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@gtid_mode AS gtid_mode, @@gtid_executed AS gtid_executed, ${replicaUpdates} AS log_replica_updates, ${parallel} AS parallel_workers, @@auto_increment_increment AS auto_increment_increment, @@auto_increment_offset AS auto_increment_offset`;
}

const MARIADB_FACTS =
  "SELECT @@server_id AS server_id, @@read_only AS read_only, @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@gtid_strict_mode AS gtid_strict_mode, @@gtid_current_pos AS gtid_current_pos, @@gtid_binlog_pos AS gtid_binlog_pos, @@gtid_slave_pos AS gtid_slave_pos, @@log_slave_updates AS log_replica_updates, @@slave_parallel_threads AS parallel_workers, @@auto_increment_increment AS auto_increment_increment, @@auto_increment_offset AS auto_increment_offset";

function mysqlDialect(v: ServerVersion, terms: "replica" | "slave"): Dialect {
  const replica = terms === "replica";
  return {
    terms,
    replicaStatus: replica ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS",
    sourceStatus: atLeast(v, 8, 2) && replica ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS",
    replicaHosts: replica ? "SHOW REPLICAS" : "SHOW SLAVE HOSTS",
    factsQuery: mysqlFacts(v),
    semiSyncQuery: SEMI_SYNC,
  };
}

function mariadbDialect(v: ServerVersion, terms: "replica" | "slave"): Dialect {
  const replica = terms === "replica";
  return {
    terms,
    replicaStatus: replica ? "SHOW ALL REPLICAS STATUS" : "SHOW ALL SLAVES STATUS",
    sourceStatus: replica && atLeast(v, 10, 5, 2) ? "SHOW BINLOG STATUS" : "SHOW MASTER STATUS",
    replicaHosts: replica ? "SHOW REPLICA HOSTS" : "SHOW SLAVE HOSTS",
    factsQuery: MARIADB_FACTS,
    semiSyncQuery: SEMI_SYNC,
  };
}

/** The preferred dialect: new terms on MySQL ≥ 8.0.22 and MariaDB ≥ 10.5.2, old terms before. */
export function dialectFor(v: ServerVersion): Dialect {
  if (v.flavor === "mariadb") return mariadbDialect(v, atLeast(v, 10, 5, 2) ? "replica" : "slave");
  return mysqlDialect(v, atLeast(v, 8, 0, 22) ? "replica" : "slave");
}

/**
 * The same server's other terminology, tried once when the preferred statement is a syntax error: every
 * statement flips (SLAVE ↔ REPLICA, MASTER STATUS ↔ BINARY LOG / BINLOG STATUS), whatever the version guessed.
 */
export function fallbackDialect(v: ServerVersion, current: Dialect): Dialect {
  const other = current.terms === "replica" ? "slave" : "replica";
  const base = v.flavor === "mariadb" ? mariadbDialect(v, other) : mysqlDialect(v, other);
  const newSource = v.flavor === "mariadb" ? "SHOW BINLOG STATUS" : "SHOW BINARY LOG STATUS";
  return { ...base, sourceStatus: current.sourceStatus === "SHOW MASTER STATUS" ? newSource : "SHOW MASTER STATUS" };
}

/** True for ER_PARSE_ERROR (1064), the server's answer to a statement its version does not know. */
export function isSyntaxError(e: unknown): boolean {
  return (e as { errno?: number } | null)?.errno === 1064;
}
