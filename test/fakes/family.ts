// Which statements a MySQL/MariaDB family accepts and which column names it answers with (from the dialect reference).
import { atLeast, parseServerVersion, type ServerVersion } from "@/lib/domain/dialect";
import {
  MARIADB_116_ALL_SUFFIX, MARIADB_ALL_PREFIX, MARIADB_ALL_SUFFIX, MARIADB_BINLOG_STATUS, MARIADB_SLAVE, MARIADB_SLAVE_HOSTS,
  MYSQL_57_SLAVE, MYSQL_57_SLAVE_HOSTS, MYSQL_80_REPLICA, MYSQL_80_SLAVE, MYSQL_BINLOG_STATUS, MYSQL_REPLICAS,
} from "./columns";

/** MariaDB plain SHOW SLAVE / REPLICA STATUS columns (10.11+ appends Replicate_Rewrite_DB). */
export function mariadbColumns(v: ServerVersion): string[] {
  return atLeast(v, 10, 11) ? [...MARIADB_SLAVE, "Replicate_Rewrite_DB"] : MARIADB_SLAVE;
}

/** MariaDB SHOW ALL SLAVES / REPLICAS STATUS columns (11.6+ adds the three event-time columns). */
export function mariadbAllColumns(v: ServerVersion): string[] {
  return [...MARIADB_ALL_PREFIX, ...mariadbColumns(v), ...MARIADB_ALL_SUFFIX, ...(atLeast(v, 11, 6) ? MARIADB_116_ALL_SUFFIX : [])];
}

/** What one fake answers for each statement: column list, or null for ER 1064. */
export interface FamilyRules {
  version: ServerVersion;
  replicaStatus: Record<string, string[] | null>;
  sourceStatus: Record<string, string[] | null>;
  replicaHosts: Record<string, string[] | null>;
  variables: Set<string>;
  /** Whether the family parses a replica control statement (START/STOP/RESET/CHANGE …, upper-cased). */
  accepts(stmt: string): boolean;
}

const MYSQL_VARS = ["server_id", "server_uuid", "read_only", "log_bin", "binlog_format", "gtid_mode", "gtid_executed", "gtid_purged", "auto_increment_increment", "auto_increment_offset", "log_slave_updates", "slave_parallel_workers", "version", "version_comment"];
const MARIADB_VARS = ["server_id", "read_only", "log_bin", "binlog_format", "gtid_strict_mode", "gtid_current_pos", "gtid_binlog_pos", "gtid_slave_pos", "gtid_domain_id", "log_slave_updates", "slave_parallel_threads", "auto_increment_increment", "auto_increment_offset", "version", "version_comment"];
/** Every MariaDB server build has the wsrep variables from 10.1 (wsrep_on OFF without a provider). */
const MARIADB_WSREP_VARS = ["wsrep_on", "wsrep_desync", "wsrep_node_name", "wsrep_cluster_name"];
/** Semi-sync is built into MariaDB from 10.3.3 (OFF unless enabled). */
const MARIADB_SEMI_SYNC_VARS = ["rpl_semi_sync_master_enabled", "rpl_semi_sync_slave_enabled"];

/** What those variables are on a server that does not configure them (SHOW and SELECT both report them). */
export const BUILTIN_DEFAULTS: Record<string, string> = {
  wsrep_on: "OFF", wsrep_desync: "OFF", wsrep_node_name: "fake", wsrep_cluster_name: "my_wsrep_cluster", rpl_semi_sync_master_enabled: "OFF", rpl_semi_sync_slave_enabled: "OFF",
};

const CONTROL = /^(START|STOP|RESET|CHANGE) /;
const SOURCE_OPTION = /\bSOURCE_\w+\s*=/;
const MASTER_OPTION = /\b(GET_)?MASTER_\w+\s*=/;

function mysqlAccepts(v: ServerVersion, stmt: string): boolean {
  const old = !atLeast(v, 8, 4);
  const sourceTerms = atLeast(v, 8, 0, 23);
  if (/^(START|STOP|RESET) SLAVE\b/.test(stmt)) return old;
  if (/^(START|STOP|RESET) REPLICA\b/.test(stmt)) return atLeast(v, 8, 0, 22);
  if (/^RESET MASTER\b/.test(stmt)) return old;
  if (/^RESET BINARY LOGS AND GTIDS\b/.test(stmt)) return atLeast(v, 8, 2);
  if (/^CHANGE MASTER TO\b/.test(stmt)) return old && (sourceTerms || !SOURCE_OPTION.test(stmt));
  if (/^CHANGE REPLICATION SOURCE TO\b/.test(stmt)) return sourceTerms && (old || !MASTER_OPTION.test(stmt));
  return false;
}

function mariadbAccepts(v: ServerVersion, stmt: string): boolean {
  if (/^(START|STOP|RESET) (ALL )?SLAVES?\b/.test(stmt) || /^RESET MASTER\b/.test(stmt)) return true;
  if (/^(START|STOP|RESET) (ALL )?REPLICAS?\b/.test(stmt)) return atLeast(v, 10, 5, 1);
  if (/^CHANGE MASTER\b/.test(stmt)) return !SOURCE_OPTION.test(stmt) && !/MASTER_AUTO_POSITION|GET_MASTER_PUBLIC_KEY/.test(stmt);
  return false;
}

/** True for statements a family answers with OK or 1064 by `accepts` (replica control). */
export const isControl = (stmt: string) => CONTROL.test(stmt);

function mariadbRules(v: ServerVersion): FamilyRules {
  const all = mariadbAllColumns(v);
  const plain = mariadbColumns(v);
  const replica = atLeast(v, 10, 5, 1);
  return {
    version: v,
    replicaStatus: { "SHOW ALL SLAVES STATUS": all, "SHOW ALL REPLICAS STATUS": replica ? all : null, "SHOW SLAVE STATUS": plain, "SHOW REPLICA STATUS": replica ? plain : null },
    sourceStatus: { "SHOW MASTER STATUS": MARIADB_BINLOG_STATUS, "SHOW BINLOG STATUS": atLeast(v, 10, 5, 2) ? MARIADB_BINLOG_STATUS : null, "SHOW BINARY LOG STATUS": null },
    replicaHosts: { "SHOW SLAVE HOSTS": MARIADB_SLAVE_HOSTS, "SHOW REPLICA HOSTS": replica ? MARIADB_SLAVE_HOSTS : null, "SHOW REPLICAS": null },
    variables: new Set([...MARIADB_VARS, ...(atLeast(v, 10, 1) ? MARIADB_WSREP_VARS : []), ...(atLeast(v, 10, 3, 3) ? MARIADB_SEMI_SYNC_VARS : [])]),
    accepts: (stmt) => mariadbAccepts(v, stmt),
  };
}

function mysqlRules(v: ServerVersion): FamilyRules {
  const newTerms = atLeast(v, 8, 0, 22);
  const oldGone = atLeast(v, 8, 4);
  const renamedVars = atLeast(v, 8, 0, 26) ? ["log_replica_updates", "replica_parallel_workers"] : [];
  const superReadOnly = atLeast(v, 5, 7, 8) ? ["super_read_only"] : [];
  return {
    version: v,
    replicaStatus: {
      "SHOW SLAVE STATUS": oldGone ? null : atLeast(v, 8) ? MYSQL_80_SLAVE : MYSQL_57_SLAVE,
      "SHOW REPLICA STATUS": newTerms ? MYSQL_80_REPLICA : null,
    },
    sourceStatus: { "SHOW MASTER STATUS": oldGone ? null : MYSQL_BINLOG_STATUS, "SHOW BINARY LOG STATUS": atLeast(v, 8, 2) ? MYSQL_BINLOG_STATUS : null, "SHOW BINLOG STATUS": null },
    replicaHosts: { "SHOW SLAVE HOSTS": oldGone ? null : MYSQL_57_SLAVE_HOSTS, "SHOW REPLICAS": newTerms ? MYSQL_REPLICAS : null },
    variables: new Set([...MYSQL_VARS, ...renamedVars, ...superReadOnly]),
    accepts: (stmt) => mysqlAccepts(v, stmt),
  };
}

/** The rules of the family a version string belongs to. */
export function familyRules(version: string): FamilyRules {
  const v = parseServerVersion(version);
  if (!v) throw new Error(`bad fake version ${version}`);
  return v.flavor === "mariadb" ? mariadbRules(v) : mysqlRules(v);
}
