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
    const n = g.node(id) as { x: number; y: number }; // dagre's typings return any; layout() set x and y
    return [id, { x: n.x - NODE_SIZE.width / 2, y: n.y - NODE_SIZE.height / 2 }];
  }));
}

/** A key that changes only when the graph's structure changes (so live refreshes don't re-layout). */
export function structureKey(nodeIds: string[], edges: { id: string }[]): string {
  return `${[...nodeIds].sort().join("|")}#${edges.map((e) => e.id).sort().join("|")}`;
}

/** Positions of one cluster moved so its top-left node box starts at (0, 0). */
export function layoutCluster(c: { nodes: { id: string }[]; edges: { from: string; to: string }[] }): Map<string, { x: number; y: number }> {
  const pos = layoutGraph(c.nodes.map((n) => n.id), c.edges);
  const minX = Math.min(...[...pos.values()].map((p) => p.x));
  const minY = Math.min(...[...pos.values()].map((p) => p.y));
  return new Map([...pos].map(([id, p]) => [id, { x: p.x - minX, y: p.y - minY }]));
}

/** Packs clusters already laid out (positions from (0, 0)) in rows of at most `rowWidth`. */
export function packClusters(clusters: { nodes: { id: string; x: number; y: number }[] }[], rowWidth = 4000, gap = 80): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  let [x, y, rowHeight] = [0, 0, 0];
  for (const c of clusters) {
    const width = Math.max(...c.nodes.map((n) => n.x)) + NODE_SIZE.width;
    const height = Math.max(...c.nodes.map((n) => n.y)) + NODE_SIZE.height;
    if (x > 0 && x + width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    for (const n of c.nodes) out.set(n.id, { x: n.x + x, y: n.y + y });
    x += width + gap;
    rowHeight = Math.max(rowHeight, height);
  }
  return out;
}

/** Lays out each cluster on its own (dagre is superlinear; clusters are independent) and packs them in rows. */
export function layoutClusters(clusters: { nodes: { id: string }[]; edges: { from: string; to: string }[] }[], rowWidth = 4000, gap = 80): Map<string, { x: number; y: number }> {
  const laid = clusters.map((c) => {
    const pos = layoutCluster(c);
    return { nodes: c.nodes.map((n) => ({ id: n.id, ...pos.get(n.id)! })) };
  });
  return packClusters(laid, rowWidth, gap);
}
