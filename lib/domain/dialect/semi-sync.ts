// Semi-sync names and statements per flavor/version: MariaDB's built-in rpl_semi_sync_master/slave (10.3+), MySQL's
// plugins rpl_semi_sync_master/slave and, from 8.0.26, rpl_semi_sync_source/replica (one or the other is installed).
// Sources: MySQL manual 19.4.10.2/19.4.10.3 "Semisynchronous Replication Monitoring" (8.0, 8.4, 9.x); MariaDB KB
// "Semisynchronous Replication" (system and status variables).
import { atLeast, type ServerVersion } from "./version";

/** Each semi-sync value under its [8.0.26 plugin name, old plugin / MariaDB name] (lower case). */
export const SEMI_SYNC_VARIABLES = {
  sourceEnabled: ["rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled"],
  replicaEnabled: ["rpl_semi_sync_replica_enabled", "rpl_semi_sync_slave_enabled"],
} as const;

/** Status counters (SHOW GLOBAL STATUS), [new, old] names as above. */
export const SEMI_SYNC_STATUS = {
  sourceActive: ["rpl_semi_sync_source_status", "rpl_semi_sync_master_status"],
  replicaActive: ["rpl_semi_sync_replica_status", "rpl_semi_sync_slave_status"],
  clients: ["rpl_semi_sync_source_clients", "rpl_semi_sync_master_clients"],
  noTx: ["rpl_semi_sync_source_no_tx", "rpl_semi_sync_master_no_tx"],
  yesTx: ["rpl_semi_sync_source_yes_tx", "rpl_semi_sync_master_yes_tx"],
  txAvgWaitMicros: ["rpl_semi_sync_source_tx_avg_wait_time", "rpl_semi_sync_master_tx_avg_wait_time"],
} as const;

/** The 8.0.26 source/replica plugins exist: MySQL ≥ 8.0.26 (MariaDB keeps master/slave). */
export const hasSourceReplicaSemiSync = (v: ServerVersion) => v.flavor === "mysql" && atLeast(v, 8, 0, 26);

/** The names this version may have: old only before 8.0.26 and on MariaDB; both after (whichever plugin is installed). */
function names(v: ServerVersion, table: Record<string, readonly [string, string]>): string[] {
  const both = hasSourceReplicaSemiSync(v);
  return Object.values(table).flatMap(([n, o]) => (both ? [n, o] : [o]));
}

/** The semi-sync switches this version may have (both plugins' names from 8.0.26). */
export const semiSyncVariableNames = (v: ServerVersion) => names(v, SEMI_SYNC_VARIABLES);

const inList = (xs: string[]) => xs.map((x) => `'${x}'`).join(",");

/** SHOW GLOBAL VARIABLES for the semi-sync switches (never fails on a name whose plugin is absent). */
export const semiSyncVariablesQuery = (v: ServerVersion) => `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${inList(names(v, SEMI_SYNC_VARIABLES))})`;

/** SHOW GLOBAL STATUS for the semi-sync counters (asked only when a side is enabled). */
export const semiSyncStatusQuery = (v: ServerVersion) => `SHOW GLOBAL STATUS WHERE Variable_name IN (${inList(names(v, SEMI_SYNC_STATUS))})`;
