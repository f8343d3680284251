// Failover statements in one server's dialect: stop receivers, wait for a GTID set, promote, fence (text only).
import { gtidFlavor } from "./capabilities";
import { readOnlyStatements, resetReplicaAllStatement, stopReplicaStatement, threadStatement } from "./control";
import { quoteString as q } from "./quote";
import type { ServerVersion } from "./version";

/** Stops only the receiver (IO thread): what was retrieved is still applied. */
export const stopReceiverStatement = (v: ServerVersion) => threadStatement(v, "stop", "io", "", false);

/**
 * Waits until the server has applied `gtid`, at most `seconds`; column `r` is 0 when reached. MariaDB MASTER_GTID_WAIT
 * (-1 on timeout), MySQL WAIT_FOR_EXECUTED_GTID_SET (1 on timeout).
 */
export function waitForGtidQuery(v: ServerVersion, gtid: string, seconds: number): string {
  const fn = gtidFlavor(v) === "mariadb" ? "MASTER_GTID_WAIT" : "WAIT_FOR_EXECUTED_GTID_SET";
  return `SELECT ${fn}(${q(gtid)}, ${q(Math.max(1, Math.round(seconds)))}) AS r`;
}

/** True when a wait query's result means the set was reached. */
export const gtidWaitReached = (r: unknown) => Number(r) === 0;

/** Makes a replica the writable source: forget its source entirely, then read_only (and super_read_only) off. */
export const promoteStatements = (v: ServerVersion) => [stopReplicaStatement(v), resetReplicaAllStatement(v), ...readOnlyStatements(v, false)];

/** Fences a returned former source: read_only on (and super_read_only on MySQL) so its clients' writes fail. */
export const fenceStatements = (v: ServerVersion) => readOnlyStatements(v, true);
