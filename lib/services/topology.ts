// The topology of every registered server, clustered, with each node's problems: the shape of GET /api/topology.
import "server-only";
import type { Problem } from "@/lib/domain/problems";
import { buildClusters, type Cluster, type TopologyNode } from "@/lib/domain/topology";
import { listServers } from "@/lib/data/servers";
import { statusReport } from "./status";

/** A node with the problems found on it. */
export type NodeReport = TopologyNode & { problems: Problem[] };

/** A cluster as the API and the graph page see it. */
export type ClusterReport = Omit<Cluster, "nodes"> & { nodes: NodeReport[] };

/** Every cluster, largest first. */
export async function topologyReport(): Promise<{ clusters: ClusterReport[] }> {
  const [servers, { servers: reports, statuses }] = await Promise.all([listServers(), statusReport()]);
  const problems = new Map(reports.map((r) => [r.id, r.problems]));
  const clusters = buildClusters(servers.map((s) => ({ ...s, status: statuses.get(s.id) ?? null })));
  return {
    clusters: clusters.map((c) => ({ ...c, nodes: c.nodes.map((n) => ({ ...n, problems: (n.registryId && problems.get(n.registryId)) || [] })) })),
  };
}
