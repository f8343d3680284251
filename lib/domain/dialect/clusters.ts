// Statements that read virtually synchronous clusters: Galera (wsrep status) and MySQL Group Replication.
import { atLeast, type ServerVersion } from "./version";

/** The wsrep status counters replscope reads (SHOW STATUS never fails on a name a non-Galera server lacks). */
export const GALERA_STATUS_NAMES = [
  "wsrep_cluster_size", "wsrep_cluster_status", "wsrep_local_state_comment", "wsrep_ready", "wsrep_connected",
  "wsrep_flow_control_paused", "wsrep_local_recv_queue_avg", "wsrep_cluster_state_uuid", "wsrep_incoming_addresses",
  "wsrep_local_index", "wsrep_desync_count",
] as const;

/** The wsrep variables: wsrep_on (is this server a Galera node at all), wsrep_desync (desynced on purpose), names. */
export const GALERA_VARIABLE_NAMES = ["wsrep_on", "wsrep_desync", "wsrep_node_name", "wsrep_cluster_name"] as const;

const inList = (names: readonly string[]) => names.map((n) => `'${n}'`).join(",");

/** wsrep variables on any MariaDB or Percona server (absent names are simply not listed). */
export const galeraVariablesQuery = `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${inList(GALERA_VARIABLE_NAMES)})`;

/** wsrep status counters, read only once wsrep_on is ON. */
export const galeraStatusQuery = `SHOW GLOBAL STATUS WHERE Variable_name IN (${inList(GALERA_STATUS_NAMES)})`;

/** Lets this monitoring session read on a node that is not ready (non-Primary refuses even SELECT @@… with 1047). */
export const galeraDirtyReadsStatement = "SET SESSION wsrep_dirty_reads=ON";

/** Group Replication exists on MySQL ≥ 8.0 (5.7's tables lack MEMBER_ROLE; replscope reads 8.0 and later only). */
export const hasGroupReplication = (v: ServerVersion) => v.flavor === "mysql" && atLeast(v, 8);

/** Group members as this server sees them (every column: 8.0.27+ adds MEMBER_COMMUNICATION_STACK; the parser picks by name). */
export const groupMembersQuery = "SELECT * FROM performance_schema.replication_group_members";

/** Per-member queue and conflict counters of the group. */
export const groupMemberStatsQuery = "SELECT * FROM performance_schema.replication_group_member_stats";

/** The group's name and mode (variables exist only while the plugin is loaded). */
export const groupVariablesQuery = "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('group_replication_group_name','group_replication_single_primary_mode')";
