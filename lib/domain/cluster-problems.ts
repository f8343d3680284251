// Problems of virtually synchronous clusters: Galera (quorum, readiness, sync, size, split view, flow control) and
// MySQL Group Replication (member state, quorum, applier queue), from every registered server's latest status (pure).
import { splitAddress } from "./galera";
import { groupLostQuorum, localMember } from "./group-replication";
import type { Problem, ServerForProblems } from "./problems";

/** Thresholds of the cluster problems (configurable: REPLSCOPE_GALERA_FLOW_CONTROL_WARN, REPLSCOPE_GROUP_APPLIER_QUEUE_WARN). */
export interface ClusterLimits {
  /** wsrep_flow_control_paused above this fraction (0–1) is GaleraFlowControl. */
  galeraFlowControl: number;
  /** COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE above this is GroupApplierQueueHigh. */
  groupApplierQueue: number;
}

/** Defaults: paused 10 % of the time; 1000 transactions waiting (well below GR's own flow control at 25000). */
export const DEFAULT_CLUSTER_LIMITS: ClusterLimits = { galeraFlowControl: 0.1, groupApplierQueue: 1000 };

const key = (host: string, port: number) => `${host.toLowerCase()}:${port}`;
const keyOfAddress = (a: string) => {
  const { host, port } = splitAddress(a);
  return key(host, port);
};

/** One Galera cluster as the registry knows it: its registered members and every address they announce. */
export interface GaleraGroup {
  id: string;
  name: string;
  members: ServerForProblems[];
  /** Every member address any member announces (wsrep_incoming_addresses), host:port lower-case. */
  addresses: string[];
}

/**
 * Registered Galera members grouped into clusters: linked when one announces the other's address, or when both
 * share wsrep_cluster_name and the registry's cluster name (so members of a split cluster stay one group).
 */
export function galeraGroups(servers: ServerForProblems[]): GaleraGroup[] {
  const members = servers.filter((s) => s.status?.galera);
  const parent = new Map(members.map((s) => [s.id, s.id]));
  const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
  const announced = (s: ServerForProblems) => new Set(s.status!.galera!.incomingAddresses.map(keyOfAddress));
  for (const a of members)
    for (const b of members) {
      const ga = a.status!.galera!, gb = b.status!.galera!;
      if (announced(a).has(key(b.host, b.port)) || (ga.clusterName && ga.clusterName === gb.clusterName && a.cluster === b.cluster)) parent.set(find(a.id), find(b.id));
    }
  const byRoot = new Map<string, ServerForProblems[]>();
  for (const s of members) byRoot.set(find(s.id), [...(byRoot.get(find(s.id)) ?? []), s]);
  return [...byRoot.values()].map((ms) => {
    const sorted = [...ms].sort((x, y) => x.name.localeCompare(y.name));
    const addresses = new Set(sorted.flatMap((s) => [...announced(s), key(s.host, s.port)]));
    const name = sorted.map((s) => s.status!.galera!.clusterName).find(Boolean) ?? sorted[0].name;
    return { id: `galera:${key(sorted[0].host, sorted[0].port)}`, name, members: sorted, addresses: [...addresses].sort() };
  });
}

const reachable = (s: ServerForProblems) => s.status && s.status.state !== "unreachable";

function galeraNodeProblems(s: ServerForProblems, limits: ClusterLimits): Problem[] {
  const g = s.status!.galera!;
  const out: Problem[] = [];
  if (!g.primary) {
    out.push({ code: "GaleraNonPrimary", severity: "critical", message: `This node is in a ${g.clusterStatus} component of ${g.clusterSize} member(s): it lost quorum (split brain, or the other members are down) and refuses queries until its component is primary again.` });
    return out;
  }
  if (!g.ready) out.push({ code: "GaleraNotReady", severity: "critical", message: `wsrep_ready is OFF (state ${g.localState || "unknown"}): this node does not accept queries.` });
  if (g.localState !== "Synced" && !g.desync)
    out.push({ code: "GaleraNodeNotSynced", severity: "warning", message: `This node is ${g.localState || "in an unknown state"}, not Synced: it is transferring state or catching up and may serve stale reads.` });
  if (g.flowControlPaused > limits.galeraFlowControl)
    out.push({ code: "GaleraFlowControl", severity: "warning", message: `Flow control paused replication ${(g.flowControlPaused * 100).toFixed(1)} % of the time (above ${(limits.galeraFlowControl * 100).toFixed(0)} %): a slow member holds back every write in the cluster.` });
  return out;
}

function galeraGroupProblems(group: GaleraGroup, add: (id: string, p: Problem) => void) {
  const live = group.members.filter(reachable);
  const uuids = new Set(live.map((s) => s.status!.galera!.stateUuid).filter(Boolean));
  if (uuids.size > 1)
    for (const s of live) add(s.id, { code: "GaleraSplitView", severity: "critical", message: `Members of this cluster report different cluster state UUIDs (${[...uuids].join(", ")}): they have diverged into separate clusters.` });
  for (const s of live) {
    const g = s.status!.galera!;
    if (!g.primary || g.clusterSize === group.members.length) continue;
    const seen = new Set(g.incomingAddresses.map(keyOfAddress));
    const missing = group.members.filter((m) => !seen.has(key(m.host, m.port))).map((m) => m.name);
    const why = g.clusterSize < group.members.length && missing.length ? `: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not in it` : g.clusterSize > group.members.length ? ": some members are not registered in replscope" : "";
    add(s.id, { code: "GaleraClusterSizeMismatch", severity: "warning", message: `${group.members.length} members are registered, this node's cluster has ${g.clusterSize}${why}.` });
  }
}

function groupReplicationProblems(servers: ServerForProblems[], s: ServerForProblems, limits: ClusterLimits): Problem[] {
  const g = s.status!.group!;
  const out: Problem[] = [];
  const me = localMember(g);
  if (me && me.state !== "ONLINE")
    out.push({ code: "GroupMemberNotOnline", severity: me.state === "RECOVERING" ? "warning" : "critical", message: `This group member is ${me.state}, not ONLINE${me.state === "RECOVERING" ? ": it is catching up with the group" : ": it does not take part in the group"}.` });
  const registered = (m: { memberId: string; host: string; port: number }) => servers.some((o) => o.status?.facts?.serverUuid === m.memberId || key(o.host, o.port) === key(m.host, m.port));
  for (const m of g.members)
    if (m !== me && m.state !== "ONLINE" && !registered(m))
      out.push({ code: "GroupMemberNotOnline", severity: "warning", message: `Member ${m.host}:${m.port} (not registered here) is ${m.state} as this server sees it.` });
  if (groupLostQuorum(g)) {
    const down = g.members.filter((m) => m.state === "UNREACHABLE").length;
    out.push({ code: "GroupNoQuorum", severity: "critical", message: `${down} of ${g.members.length} group members are UNREACHABLE: the group has no majority and blocks every write until quorum is restored.` });
  }
  if (me?.applierQueue != null && me.applierQueue > limits.groupApplierQueue)
    out.push({ code: "GroupApplierQueueHigh", severity: "warning", message: `${me.applierQueue} transactions wait in this member's applier queue (above ${limits.groupApplierQueue}): it lags the group and may trigger flow control.` });
  return out;
}

/** Galera and Group Replication problems of every registered server (reachable ones only: an unreachable one says so itself). */
export function clusterProblems(servers: ServerForProblems[], add: (id: string, p: Problem) => void, limits: ClusterLimits = DEFAULT_CLUSTER_LIMITS) {
  for (const s of servers) {
    if (!reachable(s)) continue;
    if (s.status!.galera) galeraNodeProblems(s, limits).forEach((p) => add(s.id, p));
    if (s.status!.group) groupReplicationProblems(servers, s, limits).forEach((p) => add(s.id, p));
  }
  for (const group of galeraGroups(servers)) galeraGroupProblems(group, add);
}
