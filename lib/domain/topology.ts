// The replication graph: nodes keyed by host:port (matched by server_id when spelled differently), an edge per channel,
// ghost nodes for unregistered sources, roles, and clusters as connected components (pure).
import type { HealthState } from "./health";
import { type ServerForProblems, sourceFinder } from "./problems";
import { buildGroups, type TopologyGroup } from "./topology-groups";

export type { TopologyGroup } from "./topology-groups";

/** What a node is in its topology. */
export type Role = "source" | "replica" | "relay" | "co-source" | "standalone";

/** A server in the graph; ghosts are sources named by a replica but not registered. */
export interface TopologyNode {
  id: string;
  serverId: number | null;
  registryId: string | null;
  name: string;
  host: string;
  port: number;
  registered: boolean;
  role: Role;
  state: HealthState;
  flavor: string | null;
  version: string | null;
  readOnly: boolean | null;
  /** The Galera cluster / replication group box this node belongs to, if any. */
  groupId?: string;
  /** Its place in that group: the Group Replication primary or a secondary; "member" for Galera (all writable). */
  groupRole?: "primary" | "secondary" | "member";
}

/** One replication channel: source → replica. */
export interface TopologyEdge {
  id: string;
  from: string;
  to: string;
  channel: string;
  lagSeconds: number | null;
  state: HealthState;
  ioThread: string;
  sqlThread: string;
  error: string | null;
  /** The replica acknowledges this channel's source semi-synchronously (both sides on, receiver running). */
  semiSync: boolean;
}

/** A connected group of servers. */
export interface Cluster {
  id: string;
  name: string;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Galera clusters and replication groups inside this cluster (each drawn as a box around its members). */
  groups: TopologyGroup[];
}

/** Registered server plus what the graph shows of it. */
export type GraphServer = ServerForProblems & { flavor: string | null; version: string | null };

const keyOf = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

function baseNodes(servers: GraphServer[]): Map<string, TopologyNode> {
  const nodes = new Map<string, TopologyNode>();
  for (const s of servers) {
    const id = keyOf(s.host, s.port);
    nodes.set(id, {
      id, serverId: s.status?.facts?.serverId ?? null, registryId: s.id, name: s.name, host: s.host, port: s.port, registered: true,
      role: "standalone", state: s.status?.state ?? "unknown", flavor: s.flavor, version: s.version, readOnly: s.status?.facts?.readOnly ?? null,
    });
  }
  return nodes;
}

function ghostFor(nodes: Map<string, TopologyNode>, c: { sourceHost: string; sourcePort: number; sourceServerId: number | null }): string {
  const byId = c.sourceServerId ? [...nodes.values()].find((n) => !n.registered && n.serverId === c.sourceServerId) : undefined;
  if (byId) return byId.id;
  const id = keyOf(c.sourceHost, c.sourcePort);
  if (!nodes.has(id)) {
    nodes.set(id, { id, serverId: c.sourceServerId, registryId: null, name: `${c.sourceHost}:${c.sourcePort}`, host: c.sourceHost, port: c.sourcePort, registered: false, role: "standalone", state: "unknown", flavor: null, version: null, readOnly: null });
  }
  return id;
}

/** True when the replica acks this channel semi-synchronously: semi-sync active on it, enabled on its (registered) source, receiver running. */
function acknowledges(replica: GraphServer, c: { ioThread: string }, source: GraphServer | undefined): boolean {
  const mine = replica.status?.facts?.semiSync;
  const theirs = source?.status?.facts?.semiSync;
  return c.ioThread === "running" && mine?.replicaActive === true && (source === undefined || theirs?.sourceEnabled === true);
}

/** Builds the nodes and edges of every registered server and the sources they name. */
export function buildGraph(servers: GraphServer[]): { nodes: TopologyNode[]; edges: TopologyEdge[]; groups: TopologyGroup[] } {
  const nodes = baseNodes(servers);
  const edges: TopologyEdge[] = [];
  const findSource = sourceFinder(servers);
  for (const s of servers) {
    const to = keyOf(s.host, s.port);
    for (const c of s.status?.channels ?? []) {
      const src = findSource(c);
      const from = src ? keyOf(src.host, src.port) : ghostFor(nodes, c);
      const error = c.lastSqlErrno ? `${c.lastSqlErrno}: ${c.lastSqlError}` : c.lastIoErrno ? `${c.lastIoErrno}: ${c.lastIoError}` : null;
      const semiSync = acknowledges(s, c, src);
      edges.push({ id: `${from}->${to}#${c.channel}`, from, to, channel: c.channel, lagSeconds: c.lagSeconds, state: c.state, ioThread: c.ioThread, sqlThread: c.sqlThread, error, semiSync });
    }
  }
  const groups = buildGroups(servers, nodes);
  assignRoles(nodes, edges);
  return { nodes: [...nodes.values()], edges, groups };
}

function assignRoles(nodes: Map<string, TopologyNode>, edges: TopologyEdge[]) {
  const cyclic = nodesOnCycles([...nodes.keys()], edges);
  for (const n of nodes.values()) {
    const incoming = edges.some((e) => e.to === n.id);
    const outgoing = edges.some((e) => e.from === n.id);
    n.role = cyclic.has(n.id) ? "co-source" : incoming && outgoing ? "relay" : outgoing ? "source" : incoming ? "replica" : "standalone";
  }
}

/** Nodes that lie on a replication cycle (master-master pairs, rings), by strongly connected components. */
export function nodesOnCycles(ids: string[], edges: { from: string; to: string }[]): Set<string> {
  const out = new Map(ids.map((id) => [id, edges.filter((e) => e.from === id).map((e) => e.to)]));
  const reach = (start: string) => {
    const seen = new Set<string>();
    const stack = [...(out.get(start) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(out.get(n) ?? []));
    }
    return seen;
  };
  return new Set(ids.filter((id) => reach(id).has(id)));
}

/** Splits the graph into clusters (connected components), named by the user's cluster name when set. */
export function buildClusters(servers: GraphServer[]): Cluster[] {
  const { nodes, edges, groups } = buildGraph(servers);
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
  for (const e of edges) parent.set(find(e.from), find(e.to));
  for (const g of groups) for (const m of g.members.slice(1)) parent.set(find(m), find(g.members[0]));
  const byRoot = new Map<string, TopologyNode[]>();
  for (const n of nodes) byRoot.set(find(n.id), [...(byRoot.get(find(n.id)) ?? []), n]);
  const clusterName = new Map(servers.map((s) => [keyOf(s.host, s.port), s.cluster]));
  return [...byRoot.values()]
    .map((members) => {
      const ids = new Set(members.map((m) => m.id));
      const named = members.map((m) => clusterName.get(m.id)).find(Boolean);
      const top = members.find((m) => m.role === "source" || m.role === "co-source") ?? members[0];
      const id = [...ids].sort()[0];
      const inside = groups.filter((g) => ids.has(g.members[0]));
      return { id, name: named ?? inside[0]?.name ?? top.name, nodes: members, edges: edges.filter((e) => ids.has(e.to)), groups: inside };
    })
    .sort((a, b) => b.nodes.length - a.nodes.length || a.name.localeCompare(b.name));
}
