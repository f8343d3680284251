// Virtually synchronous clusters in the topology graph: a Galera cluster or a Group Replication group is one group box
// holding its members side by side; members only announced (not registered) become ghost nodes (pure).
import { galeraGroups } from "./cluster-problems";
import { splitAddress } from "./galera";
import type { GraphServer, TopologyNode } from "./topology";

/** One group box: its kind, name, member node ids and (Group Replication, single-primary) the primary's node id. */
export interface TopologyGroup {
  id: string;
  kind: "galera" | "group-replication";
  name: string;
  members: string[];
  primary: string | null;
}

const keyOf = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

function ensureNode(nodes: Map<string, TopologyNode>, host: string, port: number): string {
  const id = keyOf(host, port);
  if (!nodes.has(id))
    nodes.set(id, { id, serverId: null, registryId: null, name: `${host}:${port}`, host, port, registered: false, role: "standalone", state: "unknown", flavor: null, version: null, readOnly: null });
  return id;
}

function galeraBoxes(servers: GraphServer[], nodes: Map<string, TopologyNode>): TopologyGroup[] {
  return galeraGroups(servers).map((g) => {
    const members = [...new Set([...g.members.map((m) => keyOf(m.host, m.port)), ...g.addresses.map((a) => { const { host, port } = splitAddress(a); return ensureNode(nodes, host, port); })])];
    for (const id of members) Object.assign(nodes.get(id)!, { groupId: g.id, groupRole: "member" });
    return { id: g.id, kind: "galera" as const, name: g.name, members: members.sort(), primary: null };
  });
}

function groupReplicationBoxes(servers: GraphServer[], nodes: Map<string, TopologyNode>): TopologyGroup[] {
  const reporters = servers.filter((s) => s.status?.group).sort((a, b) => Number(a.status!.state === "unreachable") - Number(b.status!.state === "unreachable"));
  const boxes = new Map<string, TopologyGroup>();
  for (const s of reporters) {
    const g = s.status!.group!;
    const id = `group:${g.groupName ?? g.members.map((m) => m.memberId).sort()[0]}`;
    const box = boxes.get(id) ?? { id, kind: "group-replication" as const, name: g.groupName ?? s.name, members: [], primary: null };
    boxes.set(id, box);
    const firstView = !box.members.length;
    for (const m of g.members) {
      const registered = servers.find((o) => (o.status?.facts?.serverUuid && o.status.facts.serverUuid === m.memberId) || keyOf(o.host, o.port) === keyOf(m.host, m.port));
      const node = registered ? keyOf(registered.host, registered.port) : ensureNode(nodes, m.host, m.port);
      if (!box.members.includes(node)) box.members.push(node);
      const n = nodes.get(node)!;
      n.groupId = id;
      if (firstView || !n.groupRole) n.groupRole = m.role === "PRIMARY" ? "primary" : m.role === "SECONDARY" ? "secondary" : "member";
      if (firstView && m.role === "PRIMARY" && g.singlePrimary !== false) box.primary = node;
    }
  }
  return [...boxes.values()].map((b) => ({ ...b, members: b.members.sort() }));
}

/** Every group box of the registry, adding ghost nodes for members that are announced but not registered. */
export function buildGroups(servers: GraphServer[], nodes: Map<string, TopologyNode>): TopologyGroup[] {
  return [...galeraBoxes(servers, nodes), ...groupReplicationBoxes(servers, nodes)];
}
