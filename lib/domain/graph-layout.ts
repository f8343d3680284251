// Positions for a topology graph: dagre's layered layout, sources above their replicas (pure, no DOM).
import dagre from "@dagrejs/dagre";

/** Size of one node box on the canvas. */
export const NODE_SIZE = { width: 220, height: 92 };

/** Top-left positions by node id; cycles (master-master) are laid out too, dagre breaks them for ranking. */
export function layoutGraph(nodeIds: string[], edges: { from: string; to: string }[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodeIds) g.setNode(id, { ...NODE_SIZE });
  edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
  dagre.layout(g);
  return new Map(nodeIds.map((id) => {
    const n = g.node(id);
    return [id, { x: n.x - NODE_SIZE.width / 2, y: n.y - NODE_SIZE.height / 2 }];
  }));
}

/** A key that changes only when the graph's structure changes (so live refreshes don't re-layout). */
export function structureKey(nodeIds: string[], edges: { id: string }[]): string {
  return `${[...nodeIds].sort().join("|")}#${edges.map((e) => e.id).sort().join("|")}`;
}
