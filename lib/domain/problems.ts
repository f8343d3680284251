// Problems in the style of orchestrator / VTOrc, each with a plain explanation, from all servers' statuses (pure).
import { clusterProblems, type ClusterLimits, DEFAULT_CLUSTER_LIMITS } from "./cluster-problems";
import { HEALTH_ORDER, type HealthState } from "./health";
import type { SemiSync } from "./semi-sync";
import type { ServerStatus } from "./server-status";
import { failoverProblems, type FormerSource } from "./failover/problems";
import { type SourceRef, sourceFinder } from "./source-finder";

/** Problem codes replscope reports. */
export type ProblemCode =
  | "ReplicationBroken" | "ReplicationStopped" | "IOThreadConnecting" | "LagAboveCritical" | "LagAboveWarning" | "Unreachable"
  | "ReplicaIsWritable" | "SourceBinlogDisabled" | "DuplicateServerId" | "StatementBasedBinlog" | "AutoIncrementCollision" | "NotCheckedRecently"
  | "RelayWithoutReplicaUpdates"
  | "SemiSyncDegraded" | "SemiSyncNoAckers" | "CoSourceBothWritable"
  | "DeadSource" | "UnreachableSource" | "DeadSourceAndSomeReplicas" | "FormerSourceReturned" | "ErrantTransactions"
  | "GaleraNonPrimary" | "GaleraNotReady" | "GaleraNodeNotSynced" | "GaleraClusterSizeMismatch" | "GaleraSplitView" | "GaleraFlowControl"
  | "GroupMemberNotOnline" | "GroupNoQuorum" | "GroupApplierQueueHigh";

/** One problem on one server. */
export interface Problem {
  code: ProblemCode;
  severity: "critical" | "warning";
  channel?: string;
  /** The server error that stopped replication (ReplicationBroken, IOThreadConnecting). */
  errno?: number;
  message: string;
  /** DeadSource: the replicas that confirm it; ErrantTransactions: the GTIDs by origin (for the page and the API). */
  detail?: Record<string, unknown>;
}

/** A registered server with its latest status, as problem detection needs it. */
export interface ServerForProblems {
  id: string;
  name: string;
  host: string;
  port: number;
  cluster: string | null;
  status: ServerStatus | null;
}

export { type SourceRef, sourceFinder } from "./source-finder";

/** The registered server a channel replicates from (by host:port, else server_uuid, else server_id), if any. */
export function findSource<T extends ServerForProblems>(servers: T[], channel: SourceRef): T | undefined {
  return sourceFinder(servers)(channel);
}

function channelProblems(s: ServerStatus): Problem[] {
  const out: Problem[] = [];
  for (const c of s.channels) {
    const ch = c.channel ? ` (channel ${c.channel})` : "";
    const from = `${c.sourceHost}:${c.sourcePort}`;
    if (c.state === "broken") {
      const [errno, text] = c.lastSqlErrno ? [c.lastSqlErrno, c.lastSqlError] : [c.lastIoErrno, c.lastIoError];
      out.push({ code: "ReplicationBroken", severity: "critical", channel: c.channel, errno, message: `Replication from ${from}${ch} stopped on error ${errno}: ${text}` });
    } else if (c.state === "stopped") {
      const which = c.ioThread === "stopped" && c.sqlThread === "stopped" ? "Both threads are" : c.sqlThread === "stopped" ? "The applier (SQL thread) is" : "The receiver (IO thread) is";
      out.push({ code: "ReplicationStopped", severity: "warning", channel: c.channel, message: `${which} stopped without an error${ch}: someone ran STOP; changes from ${from} are not applied.` });
    } else if (c.state === "connecting") {
      out.push({ code: "IOThreadConnecting", severity: "critical", channel: c.channel, ...(c.lastIoErrno ? { errno: c.lastIoErrno } : {}), message: `Cannot reach its source ${from}${ch}${c.lastIoErrno ? `: error ${c.lastIoErrno} ${c.lastIoError}` : ""}.` });
    } else if (c.state === "critical" || c.state === "lagging") {
      const delay = c.sqlDelay ? ` beyond its configured delay of ${c.sqlDelay} s` : "";
      out.push({ code: c.state === "critical" ? "LagAboveCritical" : "LagAboveWarning", severity: c.state === "critical" ? "critical" : "warning", channel: c.channel, message: `${c.lagSeconds} s behind ${from}${delay}${ch}.` });
    }
  }
  return out;
}

/**
 * Two auto-increment series o1+k·i1 and o2+m·i2 share a value iff gcd(i1, i2) divides o1−o2. An offset above
 * its increment is ignored (InnoDB uses 0: multiples of the increment), the same residue as offset = increment.
 */
export function autoIncrementCollides(a: { inc: number; off: number }, b: { inc: number; off: number }): boolean {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  const inc = (s: { inc: number }) => Math.max(1, s.inc);
  const off = (s: { inc: number; off: number }) => Math.min(Math.max(1, s.off), inc(s));
  return (off(a) - off(b)) % gcd(inc(a), inc(b)) === 0;
}

/** Semi-sync on a source: fell back to async (SemiSyncDegraded), or no semi-sync replica connected (SemiSyncNoAckers). */
export function semiSyncProblems(ss: SemiSync): Problem[] {
  if (!ss.sourceEnabled) return [];
  const out: Problem[] = [];
  if (ss.sourceActive === false)
    out.push({ code: "SemiSyncDegraded", severity: "critical", message: `Semi-sync is enabled but not active: commits no longer wait for a replica's acknowledgement (fell back to asynchronous replication${ss.noTx ? `; ${ss.noTx} commits unacknowledged since start` : ""}).` });
  if (ss.clients === 0) out.push({ code: "SemiSyncNoAckers", severity: "warning", message: "Semi-sync is enabled but no semi-sync replica is connected: nothing can acknowledge a commit." });
  return out;
}

/**
 * All problems of every server, computed over the whole registry (some need the servers' neighbours); `formerSources`
 * are the old sources of finished failovers not yet rejoined (FormerSourceReturned when they answer again).
 */
export function findProblems(servers: ServerForProblems[], now: number, staleAfter: number, formerSources: FormerSource[] = [], limits: ClusterLimits = DEFAULT_CLUSTER_LIMITS): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>(servers.map((s) => [s.id, []]));
  const add = (id: string, p: Problem) => out.get(id)!.push(p);
  for (const s of servers) {
    const st = s.status;
    if (!st) continue;
    if (now - st.checkedAt > staleAfter) add(s.id, { code: "NotCheckedRecently", severity: "warning", message: `Last checked ${Math.round(now - st.checkedAt)} s ago: the poller is behind or stopped; what is shown may be out of date.` });
    if (st.state === "unreachable") {
      add(s.id, { code: "Unreachable", severity: "critical", message: `replscope cannot read this server: ${st.error}` });
      continue;
    }
    channelProblems(st).forEach((p) => add(s.id, p));
    const f = st.facts;
    if (!f) continue;
    if (st.channels.length && !f.readOnly) add(s.id, { code: "ReplicaIsWritable", severity: "warning", message: "This replica has read_only OFF: a stray write here makes it diverge from its source." });
    semiSyncProblems(f.semiSync).forEach((p) => add(s.id, p));
    if (f.logBin && f.binlogFormat.toUpperCase() === "STATEMENT") add(s.id, { code: "StatementBasedBinlog", severity: "warning", message: "binlog_format is STATEMENT: non-deterministic statements can make replicas differ. ROW is safer." });
  }
  sourceProblems(servers, add);
  failoverProblems(servers, formerSources, add);
  clusterProblems(servers, add, limits);
  return out;
}

/** Groups servers into clusters: linked by replication, or sharing a cluster name. Returns server id → group id. */
export function clusterOf(servers: ServerForProblems[], sourceOf = sourceFinder(servers)): Map<string, string> {
  const parent = new Map(servers.map((s) => [s.id, s.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id, next = parent.get(at)!; at !== root; at = next, next = parent.get(at)!) parent.set(at, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const byName = new Map<string, string>();
  for (const s of servers) {
    if (s.cluster && byName.has(s.cluster)) union(s.id, byName.get(s.cluster)!);
    else if (s.cluster) byName.set(s.cluster, s.id);
    for (const c of s.status?.channels ?? []) {
      const src = sourceOf(c);
      if (src) union(s.id, src.id);
    }
  }
  return new Map(servers.map((s) => [s.id, find(s.id)]));
}

function sourceProblems(servers: ServerForProblems[], add: (id: string, p: Problem) => void) {
  const sourceOf = sourceFinder(servers);
  const cluster = clusterOf(servers, sourceOf);
  const byServerId = new Map<string, ServerForProblems[]>();
  for (const s of servers) {
    const f = s.status?.facts;
    if (!f?.serverId) continue;
    for (const c of s.status!.channels) {
      const src = sourceOf(c);
      const sf = src?.status?.facts;
      if (src && sf && src.status!.channels.length > 0 && !sf.logReplicaUpdates)
        add(src.id, { code: "RelayWithoutReplicaUpdates", severity: "critical", message: `${s.name} replicates from this replica, but log_replica_updates / log_slave_updates is off here: changes from upstream never reach ${s.name}.` });
      if (src && sf && !sf.logBin) add(src.id, { code: "SourceBinlogDisabled", severity: "critical", message: `${s.name} replicates from this server, but its binary log (log_bin) is off.` });
      const back = src?.status?.channels.some((bc) => sourceOf(bc)?.id === s.id);
      if (src && sf && back && s.id < src.id && autoIncrementCollides({ inc: f.autoIncrementIncrement, off: f.autoIncrementOffset }, { inc: sf.autoIncrementIncrement, off: sf.autoIncrementOffset })) {
        const msg = `Master-master with ${src.name}: auto_increment_increment/offset ${f.autoIncrementIncrement}/${f.autoIncrementOffset} and ${sf.autoIncrementIncrement}/${sf.autoIncrementOffset} can generate the same ids.`;
        add(s.id, { code: "AutoIncrementCollision", severity: "warning", message: msg });
        add(src.id, { code: "AutoIncrementCollision", severity: "warning", message: msg.replace(src.name, s.name) });
      }
      if (src && sf && back && s.id < src.id && !f.readOnly && !sf.readOnly) {
        const msg = (other: string) => `Master-master with ${other}: read_only is OFF on both, so both accept writes; a write to each side of the same row is a conflict replication cannot resolve. Keep one side read-only.`;
        add(s.id, { code: "CoSourceBothWritable", severity: "warning", message: msg(src.name) });
        add(src.id, { code: "CoSourceBothWritable", severity: "warning", message: msg(s.name) });
      }
    }
    const k = `${cluster.get(s.id)}/${f.serverId}`;
    const group = byServerId.get(k);
    if (group) group.push(s);
    else byServerId.set(k, [s]);
  }
  for (const [k, group] of byServerId) {
    // Galera members may share a server_id on purpose (wsrep_gtid_mode): not a duplicate among themselves.
    if (group.length < 2 || group.every((s) => s.status?.galera)) continue;
    const id = k.split("/").pop();
    for (const s of group) add(s.id, { code: "DuplicateServerId", severity: "critical", message: `server_id ${id} is also used by ${group.filter((o) => o !== s).map((o) => o.name).join(", ")}: replication between them silently skips events.` });
  }
}

/** Severity rank of a health state, for sorting (0 = worst). */
export const healthRank = (s: HealthState) => HEALTH_ORDER.indexOf(s);
