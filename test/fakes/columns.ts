// Exact status column lists per family, copied from shared/reference/replication-dialects.md §2 (data only).

/** MySQL 5.7 SHOW SLAVE STATUS (57 columns). */
export const MYSQL_57_SLAVE = "Slave_IO_State, Master_Host, Master_User, Master_Port, Connect_Retry, Master_Log_File, Read_Master_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Master_Log_File, Slave_IO_Running, Slave_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Master_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Master_SSL_Allowed, Master_SSL_CA_File, Master_SSL_CA_Path, Master_SSL_Cert, Master_SSL_Cipher, Master_SSL_Key, Seconds_Behind_Master, Master_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Master_Server_Id, Master_UUID, Master_Info_File, SQL_Delay, SQL_Remaining_Delay, Slave_SQL_Running_State, Master_Retry_Count, Master_Bind, Last_IO_Error_Timestamp, Last_SQL_Error_Timestamp, Master_SSL_Crl, Master_SSL_Crlpath, Retrieved_Gtid_Set, Executed_Gtid_Set, Auto_Position, Replicate_Rewrite_DB, Channel_Name, Master_TLS_Version".split(", ");

/** MySQL 8.0.0–8.0.21 SHOW SLAVE STATUS: 5.7's list plus three (the 8.0.21 capture). */
export const MYSQL_80_SLAVE = [...MYSQL_57_SLAVE, "Master_public_key_path", "Get_master_public_key", "Network_Namespace"];

/** MySQL 8.0.22+ (8.4, 9.x) SHOW REPLICA STATUS (60 columns). */
export const MYSQL_80_REPLICA = "Replica_IO_State, Source_Host, Source_User, Source_Port, Connect_Retry, Source_Log_File, Read_Source_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Source_Log_File, Replica_IO_Running, Replica_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Source_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Source_SSL_Allowed, Source_SSL_CA_File, Source_SSL_CA_Path, Source_SSL_Cert, Source_SSL_Cipher, Source_SSL_Key, Seconds_Behind_Source, Source_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Source_Server_Id, Source_UUID, Source_Info_File, SQL_Delay, SQL_Remaining_Delay, Replica_SQL_Running_State, Source_Retry_Count, Source_Bind, Last_IO_Error_Timestamp, Last_SQL_Error_Timestamp, Source_SSL_Crl, Source_SSL_Crlpath, Retrieved_Gtid_Set, Executed_Gtid_Set, Auto_Position, Replicate_Rewrite_DB, Channel_Name, Source_TLS_Version, Source_public_key_path, Get_Source_public_key, Network_Namespace".split(", ");

/** MySQL 8.0.22–8.3 SHOW SLAVE STATUS: the same 60 columns under the old names (identical to the 8.0.21 list). */
export const MYSQL_8X_SLAVE_OLD_NAMES = MYSQL_80_SLAVE;

/** SHOW REPLICAS (8.0.22+), 5.7 SHOW SLAVE HOSTS, SHOW MASTER / BINARY LOG STATUS. */
export const MYSQL_REPLICAS = ["Server_Id", "Host", "Port", "Source_Id", "Replica_UUID"];
export const MYSQL_57_SLAVE_HOSTS = ["Server_id", "Host", "Port", "Master_id", "Slave_UUID"];
export const MYSQL_BINLOG_STATUS = ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB", "Executed_Gtid_Set"];

/** MariaDB 10.4–10.10 SHOW SLAVE / REPLICA STATUS (10.11 appends Replicate_Rewrite_DB, after MDEV-33212). */
export const MARIADB_SLAVE = "Slave_IO_State, Master_Host, Master_User, Master_Port, Connect_Retry, Master_Log_File, Read_Master_Log_Pos, Relay_Log_File, Relay_Log_Pos, Relay_Master_Log_File, Slave_IO_Running, Slave_SQL_Running, Replicate_Do_DB, Replicate_Ignore_DB, Replicate_Do_Table, Replicate_Ignore_Table, Replicate_Wild_Do_Table, Replicate_Wild_Ignore_Table, Last_Errno, Last_Error, Skip_Counter, Exec_Master_Log_Pos, Relay_Log_Space, Until_Condition, Until_Log_File, Until_Log_Pos, Master_SSL_Allowed, Master_SSL_CA_File, Master_SSL_CA_Path, Master_SSL_Cert, Master_SSL_Cipher, Master_SSL_Key, Seconds_Behind_Master, Master_SSL_Verify_Server_Cert, Last_IO_Errno, Last_IO_Error, Last_SQL_Errno, Last_SQL_Error, Replicate_Ignore_Server_Ids, Master_Server_Id, Master_SSL_Crl, Master_SSL_Crlpath, Using_Gtid, Gtid_IO_Pos, Replicate_Do_Domain_Ids, Replicate_Ignore_Domain_Ids, Parallel_Mode, SQL_Delay, SQL_Remaining_Delay, Slave_SQL_Running_State, Slave_DDL_Groups, Slave_Non_Transactional_Groups, Slave_Transactional_Groups".split(", ");

/** MariaDB SHOW ALL SLAVES / REPLICAS STATUS: two leading, the plain list, six trailing (11.6+: three more). */
export const MARIADB_ALL_PREFIX = ["Connection_name", "Slave_SQL_State"];
export const MARIADB_ALL_SUFFIX = ["Retried_transactions", "Max_relay_log_size", "Executed_log_entries", "Slave_received_heartbeats", "Slave_heartbeat_period", "Gtid_Slave_Pos"];
export const MARIADB_116_ALL_SUFFIX = ["Master_last_event_time", "Slave_last_event_time", "Master_Slave_time_diff"];

/** MariaDB SHOW SLAVE / REPLICA HOSTS and SHOW MASTER / BINLOG STATUS (no GTID column). */
export const MARIADB_SLAVE_HOSTS = ["Server_id", "Host", "Port", "Master_id"];
export const MARIADB_BINLOG_STATUS = ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB"];

/**
 * Semi-sync names per plugin (data only). MySQL: the rpl_semi_sync_master/slave plugins (5.7 on), and from 8.0.26 the
 * rpl_semi_sync_source/replica plugins, which have only the new names (one of the two per side can be installed) —
 * MySQL manual 19.4.10.2 "Configuring Semisynchronous Replication" and 19.4.10.3 "Semisynchronous Replication
 * Monitoring" (8.0, 8.4, 9.x), 7.1.10 "Server Status Variables". MariaDB (built in since 10.3.3): the master/slave
 * names — MariaDB KB "Semisynchronous Replication" (system and status variables).
 */
export const SEMISYNC_SOURCE_VARIABLES = (p: "master" | "source") =>
  p === "master"
    ? ["rpl_semi_sync_master_enabled", "rpl_semi_sync_master_timeout", "rpl_semi_sync_master_trace_level", "rpl_semi_sync_master_wait_for_slave_count", "rpl_semi_sync_master_wait_no_slave", "rpl_semi_sync_master_wait_point"]
    : ["rpl_semi_sync_source_enabled", "rpl_semi_sync_source_timeout", "rpl_semi_sync_source_trace_level", "rpl_semi_sync_source_wait_for_replica_count", "rpl_semi_sync_source_wait_no_replica", "rpl_semi_sync_source_wait_point"];
export const SEMISYNC_REPLICA_VARIABLES = (p: "slave" | "replica") => [`rpl_semi_sync_${p}_enabled`, `rpl_semi_sync_${p}_trace_level`];
export const SEMISYNC_SOURCE_STATUS = (p: "master" | "source") =>
  ["clients", "net_avg_wait_time", "net_wait_time", "net_waits", "no_times", "no_tx", "status", "timefunc_failures", "tx_avg_wait_time", "tx_wait_time", "tx_waits", "wait_pos_backtraverse", "wait_sessions", "yes_tx"].map((s) => `Rpl_semi_sync_${p}_${s}`);
export const SEMISYNC_REPLICA_STATUS = (p: "slave" | "replica") => [`Rpl_semi_sync_${p}_status`];

/**
 * performance_schema.replication_group_members, MySQL 8.0.2–8.0.26 (7 columns). Source: MySQL 8.0 Reference Manual,
 * "The replication_group_members Table" (https://dev.mysql.com/doc/refman/8.0/en/performance-schema-replication-group-members-table.html).
 */
export const MYSQL_80_GROUP_MEMBERS = ["CHANNEL_NAME", "MEMBER_ID", "MEMBER_HOST", "MEMBER_PORT", "MEMBER_STATE", "MEMBER_ROLE", "MEMBER_VERSION"];

/**
 * The same table from 8.0.27 on and in 8.4 (8 columns: MEMBER_COMMUNICATION_STACK added in 8.0.27). Source: MySQL 8.4
 * Reference Manual §20.4.3 and §29.12.11.16 (https://dev.mysql.com/doc/refman/8.4/en/group-replication-replication-group-members.html).
 */
export const MYSQL_8027_GROUP_MEMBERS = [...MYSQL_80_GROUP_MEMBERS, "MEMBER_COMMUNICATION_STACK"];

/**
 * performance_schema.replication_group_member_stats, MySQL 8.0 and 8.4 (13 columns, unchanged between them). Source:
 * https://dev.mysql.com/doc/refman/8.4/en/performance-schema-replication-group-member-stats-table.html (and the 8.0 page).
 */
export const MYSQL_GROUP_MEMBER_STATS = [
  "CHANNEL_NAME", "VIEW_ID", "MEMBER_ID", "COUNT_TRANSACTIONS_IN_QUEUE", "COUNT_TRANSACTIONS_CHECKED", "COUNT_CONFLICTS_DETECTED",
  "COUNT_TRANSACTIONS_ROWS_VALIDATING", "TRANSACTIONS_COMMITTED_ALL_MEMBERS", "LAST_CONFLICT_FREE_TRANSACTION",
  "COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE", "COUNT_TRANSACTIONS_REMOTE_APPLIED", "COUNT_TRANSACTIONS_LOCAL_PROPOSED", "COUNT_TRANSACTIONS_LOCAL_ROLLBACK",
];
