// The topology of every registered server, clustered, with each node's problems: the shape of GET /api/topology.
import "server-only";
import { layoutCluster, structureKey } from "@/lib/domain/graph-layout";
import { buildClusters, type Cluster, type TopologyNode } from "@/lib/domain/topology";
import { type ProblemReport, readRegistryView, type RegistryView, statusReport } from "./status";

/** A node with the problems found on it (each since when), since when it is in its state, and its position in its cluster's layout. */
export type NodeReport = TopologyNode & { problems: ProblemReport[]; stateSince: string | null; x: number; y: number };

const layouts = new Map<string, Map<string, { x: number; y: number }>>();

/** Dagre layout of a cluster, computed once per structure (live refreshes reuse it: no jumps, no repeated work). */
function cachedLayout(c: Cluster) {
  const key = structureKey(c.nodes.map((n) => n.id), c.edges, c.groups);
  let pos = layouts.get(key);
  if (!pos) {
    pos = layoutCluster(c);
    if (layouts.size > 500) layouts.delete(layouts.keys().next().value!);
    layouts.set(key, pos);
  }
  return pos;
}

/** A cluster as the API and the graph page see it. */
export type ClusterReport = Omit<Cluster, "nodes"> & { nodes: NodeReport[] };

/** What GET /api/topology returns (and the topology page starts from). */
export interface TopologyResponse {
  clusters: ClusterReport[];
}

/** Every cluster, largest first (from `view` when the caller already read the registry). */
export async function topologyReport(view?: RegistryView): Promise<TopologyResponse> {
  const v = view ?? (await readRegistryView());
  const [servers, { servers: reports, statuses }] = [v.servers, await statusReport(v)];
  const problems = new Map(reports.map((r) => [r.id, r.problems]));
  const stateSince = new Map(reports.map((r) => [r.id, r.stateSince]));
  const clusters = buildClusters(servers.map((s) => ({ ...s, status: statuses.get(s.id) ?? null })));
  return {
    clusters: clusters.map((c) => {
      const pos = cachedLayout(c);
      return { ...c, nodes: c.nodes.map((n) => ({ ...n, ...pos.get(n.id)!, problems: (n.registryId && problems.get(n.registryId)) || [], stateSince: (n.registryId && stateSince.get(n.registryId)) || null })) };
    }),
  };
}
