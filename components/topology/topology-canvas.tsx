"use client";
// The graph: the server's dagre layout per cluster, packed here (redone only when the structure changes), live colours, pan/zoom/fit, minimap, edge details.
import "@xyflow/react/dist/style.css";
import { Background, Controls, type Edge, MarkerType, MiniMap, type Node, ReactFlow } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ClusterReport } from "@/lib/services/topology";
import { formatLag } from "@/lib/domain/format";
import { groupBox, NODE_SIZE, packClusters, structureKey } from "@/lib/domain/graph-layout";
import { GroupNode } from "./group-node";
import { CompactNode, ServerNode } from "./server-node";

const NODE_TYPES = { server: ServerNode, compact: CompactNode, group: GroupNode };
/** Above this many servers: compact boxes, the view opens on the largest cluster, and only what is in view is drawn. */
const COMPACT_ABOVE = 150;
const BAD = new Set(["broken", "connecting", "stopped"]);

/** Draws one cluster, or all of them packed side by side (the "all" tab). */
export function TopologyCanvas({ clusters }: { clusters: (Pick<ClusterReport, "nodes" | "edges"> & Partial<Pick<ClusterReport, "groups">>)[] }) {
  const router = useRouter();
  const [hovered, setHovered] = useState<string | null>(null);
  const nodes = clusters.flatMap((c) => c.nodes);
  const edges = clusters.flatMap((c) => c.edges);
  const groups = clusters.flatMap((c) => c.groups ?? []);
  const key = structureKey(nodes.map((n) => n.id), edges, groups);
  // The server lays out each cluster; only packing depends on structure, so it is redone only when the structure changes
  // (React's "adjust state when a prop changes" pattern: the update during render is applied before anything is drawn).
  const [packed, setPacked] = useState(() => ({ key, positions: packClusters(clusters) }));
  let positions = packed.positions;
  if (packed.key !== key) {
    positions = packClusters(clusters);
    setPacked({ key, positions });
  }
  const large = nodes.length > COMPACT_ABOVE;
  const type = large ? "compact" : "server";
  const flowNodes: Node[] = nodes.map((n) => ({
    id: n.id, type, position: positions.get(n.id) ?? { x: 0, y: 0 }, data: n as unknown as Record<string, unknown>,
    ...(large ? { width: NODE_SIZE.width, height: NODE_SIZE.height } : { initialWidth: NODE_SIZE.width, initialHeight: NODE_SIZE.height }),
  }));
  // Group boxes (Galera clusters, replication groups) are drawn first, behind their members.
  const boxes: Node[] = groups.flatMap((g) => {
    const box = groupBox(g.members, positions);
    return box ? [{ id: `box:${g.id}`, type: "group", position: { x: box.x, y: box.y }, data: { ...g, width: box.width, height: box.height }, width: box.width, height: box.height, selectable: false, zIndex: -1 }] : [];
  });
  // Never React Flow's `animated` edges: their moving dash reads as the legend's semi-sync mark.
  const flowEdges: Edge[] = edges.map((e) => {
    const bad = BAD.has(e.state);
    const color = e.state === "broken" || e.state === "connecting" ? "#dc2626" : e.state === "ok" ? "#10b981" : e.state === "stopped" ? "#7c3aed" : "#f59e0b";
    return {
      id: e.id, source: e.from, target: e.to,
      label: large && e.state === "ok" ? undefined : `${e.semiSync ? "semi-sync · " : ""}${e.channel ? `${e.channel}: ` : ""}${bad ? e.state : formatLag(e.lagSeconds, null)}`,
      style: { stroke: color, strokeWidth: bad ? 3 : e.semiSync ? 4 : 2, ...(e.semiSync ? { strokeDasharray: "10 3" } : {}) }, labelStyle: { fill: color, fontWeight: 600 },
      markerEnd: large ? undefined : { type: MarkerType.ArrowClosed, color }, data: { state: e.state },
      className: `edge-${e.state}${e.semiSync ? " edge-semisync" : ""}`,
    };
  });
  const detail = edges.find((e) => e.id === hovered);
  return (
    <div className="relative h-[560px] rounded-md border border-slate-200 dark:border-slate-800" data-testid="topology-canvas">
      <ReactFlow nodes={[...boxes, ...flowNodes]} edges={flowEdges} nodeTypes={NODE_TYPES} nodesDraggable={false} nodesConnectable={false} minZoom={0.02}
        fitView fitViewOptions={large ? { nodes: clusters[0].nodes.map((n) => ({ id: n.id })) } : undefined} onlyRenderVisibleElements={large}
        onNodeClick={(_, node) => {
          const n = nodes.find((x) => x.id === node.id);
          if (!n) return;
          router.push(n?.registryId ? `/servers/${n.registryId}` : `/servers/new?host=${encodeURIComponent(n?.host ?? "")}&port=${n?.port ?? 3306}`);
        }}
        onEdgeMouseEnter={(_, e) => setHovered(e.id)} onEdgeMouseLeave={() => setHovered(null)} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
        {nodes.length > 20 && <MiniMap pannable zoomable />}
      </ReactFlow>
      {detail && (
        <div role="tooltip" className="absolute left-3 top-3 max-w-md rounded-md border border-slate-200 bg-white p-3 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
          <div className="font-semibold">{detail.from} → {detail.to}{detail.channel ? ` (channel ${detail.channel})` : ""}</div>
          <div>state {detail.state} · IO {detail.ioThread} · SQL {detail.sqlThread} · lag {formatLag(detail.lagSeconds, null)}{detail.semiSync ? " · semi-sync (acknowledges commits)" : ""}</div>
          {detail.error && <div className="mt-1 text-red-700 dark:text-red-400">{detail.error}</div>}
        </div>
      )}
      <EdgeLegend />
    </div>
  );
}

/** What the edge colours and the semi-sync mark mean. */
function EdgeLegend() {
  const item = (label: string, color: string, dash?: string, width = 2) => (
    <span className="inline-flex items-center gap-1">
      <svg width="26" height="8" aria-hidden="true"><line x1="0" y1="4" x2="26" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} /></svg>
      {label}
    </span>
  );
  return (
    <div data-testid="edge-legend" className="absolute right-3 top-2 z-10 flex flex-wrap gap-3 rounded-md border border-slate-200 bg-white/90 px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900/90">
      {item("ok", "#10b981")}
      {item("lagging", "#f59e0b")}
      {item("stopped", "#7c3aed", undefined, 3)}
      {item("broken / connecting", "#dc2626", undefined, 3)}
      {item("semi-sync (acknowledging replica)", "#10b981", "10 3", 4)}
    </div>
  );
}
