// Positions for a topology graph: dagre's layered layout, sources above their replicas (pure, no DOM).
import dagre from "@dagrejs/dagre";

/** Size of one node box on the canvas. */
export const NODE_SIZE = { width: 220, height: 92 };

/** Padding between a group box (Galera cluster, replication group) and its members. */
export const GROUP_PADDING = { x: 16, top: 28, bottom: 16 };

/** Members of a group box, for layout: they are ranked side by side under an invisible anchor. */
export type LayoutGroup = { id: string; members: string[] };

/**
 * Top-left positions by node id; cycles (master-master) are laid out too, dagre breaks them for ranking. Members of
 * a group hang from one invisible anchor so dagre puts them in one row, their async replicas below.
 */
export function layoutGraph(nodeIds: string[], edges: { from: string; to: string }[], groups: LayoutGroup[] = []): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodeIds) g.setNode(id, { ...NODE_SIZE });
  edges.forEach((e, i) => g.setEdge(e.from, e.to, {}, String(i)));
  for (const grp of groups) {
    g.setNode(`anchor:${grp.id}`, { width: 1, height: 1 });
    grp.members.forEach((m, i) => g.setEdge(`anchor:${grp.id}`, m, { weight: 10 }, `anchor:${grp.id}#${i}`));
  }
  dagre.layout(g);
  return new Map(nodeIds.map((id) => {
    const n = g.node(id) as { x: number; y: number }; // dagre's typings return any; layout() set x and y
    return [id, { x: n.x - NODE_SIZE.width / 2, y: n.y - NODE_SIZE.height / 2 }];
  }));
}

/** A key that changes only when the graph's structure changes (so live refreshes don't re-layout). */
export function structureKey(nodeIds: string[], edges: { id: string }[], groups: LayoutGroup[] = []): string {
  const g = groups.map((x) => `${x.id}=${x.members.join(",")}`).sort().join("|");
  return `${[...nodeIds].sort().join("|")}#${edges.map((e) => e.id).sort().join("|")}${g ? `#${g}` : ""}`;
}

/** The box drawn around a group's members (from their laid-out positions), or null when none is placed. */
export function groupBox(members: string[], positions: Map<string, { x: number; y: number }>): { x: number; y: number; width: number; height: number } | null {
  const ps = members.map((m) => positions.get(m)).filter((p): p is { x: number; y: number } => !!p);
  if (!ps.length) return null;
  const [minX, minY] = [Math.min(...ps.map((p) => p.x)), Math.min(...ps.map((p) => p.y))];
  const [maxX, maxY] = [Math.max(...ps.map((p) => p.x)) + NODE_SIZE.width, Math.max(...ps.map((p) => p.y)) + NODE_SIZE.height];
  return { x: minX - GROUP_PADDING.x, y: minY - GROUP_PADDING.top, width: maxX - minX + 2 * GROUP_PADDING.x, height: maxY - minY + GROUP_PADDING.top + GROUP_PADDING.bottom };
}

/** Positions of one cluster moved so its top-left node box starts at (0, 0). */
export function layoutCluster(c: { nodes: { id: string }[]; edges: { from: string; to: string }[]; groups?: LayoutGroup[] }): Map<string, { x: number; y: number }> {
  const pos = layoutGraph(c.nodes.map((n) => n.id), c.edges, c.groups);
  // Room for a group box's padding and title above and left of its members.
  const pad = c.groups?.length ? { x: GROUP_PADDING.x, y: GROUP_PADDING.top } : { x: 0, y: 0 };
  const minX = Math.min(...[...pos.values()].map((p) => p.x)) - pad.x;
  const minY = Math.min(...[...pos.values()].map((p) => p.y)) - pad.y;
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
export function layoutClusters(clusters: { nodes: { id: string }[]; edges: { from: string; to: string }[]; groups?: LayoutGroup[] }[], rowWidth = 4000, gap = 80): Map<string, { x: number; y: number }> {
  const laid = clusters.map((c) => {
    const pos = layoutCluster(c);
    return { nodes: c.nodes.map((n) => ({ id: n.id, ...pos.get(n.id)! })) };
  });
  return packClusters(laid, rowWidth, gap);
}
