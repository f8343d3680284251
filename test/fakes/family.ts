// Which statements a MySQL/MariaDB family accepts and which column names it answers with (from the dialect reference).
import { MYSQL_57_SLAVE, MYSQL_57_SLAVE_HOSTS, MYSQL_80_REPLICA, MYSQL_80_SLAVE, MYSQL_REPLICAS } from "@/lib/domain/__fixtures__/mysql-columns";
import { atLeast, parseServerVersion } from "@/lib/domain/server-version";

const MARIADB_ALL_PREFIX = ["Connection_name", "Slave_SQL_State"];
const MARIADB_MIDDLE = "Slave_IO_State, Master_Host, Master_User, Master_Port, Connect_Retry, Master_Log_File, Read_Master_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Master_Log_File, Slave_IO_Running, Slave_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Master_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Master_SSL_Allowed, Master_SSL_CA_File, Master_SSL_CA_Path, Master_SSL_Cert, Master_SSL_Cipher, Master_SSL_Key, Seconds_Behind_Master, Master_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Master_Server_Id, Master_SSL_Crl, Master_SSL_Crlpath, Using_Gtid, Gtid_IO_Pos, Replicate_Do_Domain_Ids, Replicate_Ignore_Domain_Ids, Parallel_Mode, SQL_Delay, SQL_Remaining_Delay, Slave_SQL_Running_State, Slave_DDL_Groups, Slave_Non_Transactional_Groups, Slave_Transactional_Groups".split(", ");
const MARIADB_ALL_SUFFIX = ["Retried_transactions", "Max_relay_log_size", "Executed_log_entries", "Slave_received_heartbeats", "Slave_heartbeat_period", "Gtid_Slave_Pos"];

/** MariaDB SHOW ALL SLAVES STATUS columns for a version (10.11+ adds Replicate_Rewrite_DB). */
export function mariadbAllColumns(minor11: boolean): string[] {
  return [...MARIADB_ALL_PREFIX, ...MARIADB_MIDDLE, ...(minor11 ? ["Replicate_Rewrite_DB"] : []), ...MARIADB_ALL_SUFFIX];
}

/** What one fake answers for each statement: column list, or null for ER 1064. */
export interface FamilyRules {
  replicaStatus: Record<string, string[] | null>;
  sourceStatus: Record<string, boolean>;
  replicaHosts: Record<string, string[] | null>;
  variables: Set<string>;
}

const MYSQL_VARS = ["server_id", "server_uuid", "read_only", "super_read_only", "log_bin", "binlog_format", "gtid_mode", "gtid_executed", "auto_increment_increment", "auto_increment_offset", "log_slave_updates", "slave_parallel_workers"];
const MARIADB_VARS = ["server_id", "read_only", "log_bin", "binlog_format", "gtid_strict_mode", "gtid_current_pos", "gtid_binlog_pos", "gtid_slave_pos", "log_slave_updates", "slave_parallel_threads", "auto_increment_increment", "auto_increment_offset"];

/** The rules of the family a version string belongs to. */
export function familyRules(version: string): FamilyRules {
  const v = parseServerVersion(version);
  if (!v) throw new Error(`bad fake version ${version}`);
  if (v.flavor === "mariadb") {
    const cols = mariadbAllColumns(atLeast(v, 10, 11));
    const replica = atLeast(v, 10, 5, 1);
    return {
      replicaStatus: { "SHOW ALL SLAVES STATUS": cols, "SHOW ALL REPLICAS STATUS": replica ? cols : null, "SHOW SLAVE STATUS": cols.slice(2, -6), "SHOW REPLICA STATUS": null },
      sourceStatus: { "SHOW MASTER STATUS": true, "SHOW BINLOG STATUS": atLeast(v, 10, 5, 2), "SHOW BINARY LOG STATUS": false },
      replicaHosts: { "SHOW SLAVE HOSTS": ["Server_id", "Host", "Port", "Master_id"], "SHOW REPLICA HOSTS": replica ? ["Server_id", "Host", "Port", "Master_id"] : null, "SHOW REPLICAS": null },
      variables: new Set(MARIADB_VARS),
    };
  }
  const newTerms = atLeast(v, 8, 0, 22);
  const oldGone = atLeast(v, 8, 4);
  const renamedVars = atLeast(v, 8, 0, 26) ? ["log_replica_updates", "replica_parallel_workers"] : [];
  return {
    replicaStatus: {
      "SHOW SLAVE STATUS": oldGone ? null : atLeast(v, 8) ? MYSQL_80_SLAVE : MYSQL_57_SLAVE,
      "SHOW REPLICA STATUS": newTerms ? MYSQL_80_REPLICA : null,
    },
    sourceStatus: { "SHOW MASTER STATUS": !oldGone, "SHOW BINARY LOG STATUS": atLeast(v, 8, 2), "SHOW BINLOG STATUS": false },
    replicaHosts: { "SHOW SLAVE HOSTS": oldGone ? null : MYSQL_57_SLAVE_HOSTS, "SHOW REPLICAS": newTerms ? MYSQL_REPLICAS : null },
    variables: new Set([...MYSQL_VARS, ...renamedVars]),
  };
}
