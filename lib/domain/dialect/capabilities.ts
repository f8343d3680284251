// What a server of one flavor and version can do: the predicates every dialect rule is written with
// (decision rules of the dialect reference, /work/shared/reference/replication-dialects.md).
import { atLeast, type Flavor, type ServerVersion } from "./version";

type V = ServerVersion;
const mysql = (v: V) => v.flavor === "mysql";
const mariadb = (v: V) => v.flavor === "mariadb";

/** REPLICA statements (START REPLICA, SHOW REPLICA STATUS, …): MySQL ≥ 8.0.22, MariaDB ≥ 10.5.2. */
export const supportsReplicaTerms = (v: V) => (mariadb(v) ? atLeast(v, 10, 5, 2) : atLeast(v, 8, 0, 22));

/** CHANGE REPLICATION SOURCE TO with SOURCE_* options: MySQL ≥ 8.0.23 (MariaDB always says CHANGE MASTER). */
export const usesSourceTerms = (v: V) => mysql(v) && atLeast(v, 8, 0, 23);

/** SHOW BINARY LOG STATUS and RESET BINARY LOGS AND GTIDS: MySQL ≥ 8.2 (8.4 removed the MASTER forms). */
export const hasBinaryLogStatus = (v: V) => mysql(v) && atLeast(v, 8, 2);

/** SHOW BINLOG STATUS: MariaDB ≥ 10.5.2. */
export const hasBinlogStatus = (v: V) => mariadb(v) && atLeast(v, 10, 5, 2);

/** super_read_only (blocks SUPER users too): MySQL ≥ 5.7.8; MariaDB has none. */
export const hasSuperReadOnly = (v: V) => mysql(v) && atLeast(v, 5, 7, 8);

/** The 8.0.26 variable names (log_replica_updates, replica_parallel_workers, sql_replica_skip_counter): MySQL only. */
export const usesReplicaVariables = (v: V) => mysql(v) && atLeast(v, 8, 0, 26);

/** binlog_expire_logs_seconds: MySQL ≥ 8.0 (expire_logs_days is gone in 8.4; MariaDB keeps it). */
export const hasBinlogExpireSeconds = (v: V) => mysql(v) && atLeast(v, 8);

/** Which GTID scheme a server uses: MySQL uuid:interval sets, MariaDB domain-server-sequence positions. */
export type GtidFlavor = Flavor;

/** The server's GTID scheme (the two cannot be mixed in one topology). */
export const gtidFlavor = (v: V): GtidFlavor => v.flavor;

/** True when the server has GTIDs to position by: always on MariaDB, with gtid_mode=ON on MySQL. */
export const gtidEnabled = (v: V, gtidMode: string) => mariadb(v) || gtidMode.toUpperCase() === "ON";

/** MySQL ≥ 8.0 accounts default to caching_sha2_password: a replica without TLS must ask this source for its public key. */
export const needsSourcePublicKey = (source: V) => mysql(source) && atLeast(source, 8);

/** GET_SOURCE_PUBLIC_KEY / GET_MASTER_PUBLIC_KEY exists on MySQL ≥ 8.0 replicas (never on MariaDB). */
export const knowsPublicKeyOption = (replica: V) => mysql(replica) && atLeast(replica, 8);

/** A dump of this source carries SET @@GLOBAL.GTID_PURGED (MySQL); a MariaDB position is read with BINLOG_GTID_POS instead. */
export const dumpCarriesGtids = (source: V) => mysql(source);

/** A failing transaction can be skipped by committing an empty one under its GTID (MySQL GTID_NEXT); MariaDB cannot. */
export const canInjectEmptyGtid = (v: V) => mysql(v);

/** Replication channels are MariaDB connection names (START SLAVE 'name'), not MySQL FOR CHANNEL clauses. */
export const namesConnections = (v: V) => mariadb(v);

/** The family has a CLONE plugin at all: MySQL (MariaDB has none). */
export const hasClonePlugin = (v: V) => mysql(v);

/** MySQL CLONE works: 8.0.17 or newer. */
export const supportsClone = (v: V) => hasClonePlugin(v) && atLeast(v, 8, 0, 17);

/** Before MySQL 8.0.37, CLONE needs the same point release on donor and recipient. */
export const cloneNeedsSamePatch = (v: V) => !atLeast(v, 8, 0, 37);

/** MariaDB 10.5.2 split SUPER into REPLICATION SLAVE ADMIN, READ ONLY ADMIN, …; MySQL 8.0 into dynamic privileges. */
export const hasSplitPrivileges = (v: V) => (mariadb(v) ? atLeast(v, 10, 5, 2) : atLeast(v, 8));

/** Whether a replica can read the source's binary log across families: MariaDB reads MySQL's (without MySQL GTIDs), MySQL never reads MariaDB's. */
export const readsBinlogOf = (replica: V, source: V) => replica.flavor === source.flavor || mariadb(replica);

/**
 * MariaDB's GTID state is a position, the last sequence number per domain (gtid_slave_pos, gtid_io_pos), which a new
 * source's later writes in the same domain overtake; MySQL's is the set of executed transactions (gtid_executed,
 * Retrieved_Gtid_Set), always available when gtid_mode is ON.
 */
export const gtidIsPosition = (v: V) => mariadb(v);

/**
 * Followers can position by GTID on a promoted candidate: MariaDB when the candidate logged what it replicated
 * (log_slave_updates, so its binary log has the old source's GTIDs), MySQL when gtid_mode is ON on every server.
 */
export const followsByGtid = (candidate: V, logReplicaUpdates: boolean, gtidModes: string[]) =>
  gtidIsPosition(candidate) ? logReplicaUpdates : gtidModes.every((m) => m.toUpperCase() === "ON");
