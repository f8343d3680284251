"use client";
// A server box on the topology canvas: name, address, version, role, read_only, health colour, problems.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { MouseEvent } from "react";
import type { NodeReport } from "@/lib/services/topology";
import { nodeTooltip } from "@/lib/domain/alert-view";
import { HEALTH_LABELS } from "@/lib/domain/format";
import { versionLabel } from "@/lib/domain/dialect/version";
import { StateBadge } from "../status/state-badge";

const BORDER: Record<string, string> = {
  ok: "border-emerald-500", lagging: "border-amber-500", critical: "border-orange-600", stopped: "border-violet-500",
  broken: "border-red-600", connecting: "border-red-400", unreachable: "border-slate-700", unknown: "border-slate-300",
};

/** Sets the node's tooltip when the pointer enters it, so "broken for 12 min" is current without re-rendering every node each second. */
function showSince(n: NodeReport) {
  return (e: MouseEvent<HTMLElement>) => {
    e.currentTarget.title = nodeTooltip({ name: n.name, host: n.host, port: n.port, stateLabel: `${n.role} · ${HEALTH_LABELS[n.state]}`, stateSince: n.stateSince, problems: n.problems }, Date.now());
  };
}

/** Custom xyflow node; ghosts (unregistered sources) are dashed and invite registration. */
export function ServerNode({ data }: NodeProps) {
  const n = data as unknown as NodeReport;
  return (
    <div data-node={n.name} data-state={n.state} data-role={n.role} data-group-role={n.groupRole} onMouseEnter={showSince(n)}
      className={`w-[220px] rounded-md border-2 bg-white px-3 py-2 text-xs shadow-sm dark:bg-slate-900 ${BORDER[n.state]} ${n.registered ? "" : "border-dashed opacity-80"}`}>
      <Handle type="target" position={Position.Top} />
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-sm font-semibold">{n.name}</span>
        <StateBadge state={n.state} />
      </div>
      <div className="font-mono text-[11px] text-slate-500">{n.host}:{n.port}</div>
      <div className="mt-1 flex flex-wrap gap-x-2 text-slate-600 dark:text-slate-400">
        <span>{n.registered ? versionLabel(n.flavor, n.version) : "not registered — add it"}</span>
        <span className="font-medium">{n.groupRole === "primary" ? "★ primary" : n.groupRole === "secondary" ? "secondary" : n.role}</span>
        {n.readOnly !== null && <span>{n.readOnly ? "read_only" : "writable"}</span>}
      </div>
      {n.problems.length > 0 && <div className="mt-1 truncate text-red-700 dark:text-red-400" title={n.problems.map((p) => p.message).join("\n")}>⚠ {n.problems.map((p) => p.code).join(", ")}</div>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

/** A small box for large graphs: name and health colour only; the full box's details are in its tooltip. */
export function CompactNode({ data }: NodeProps) {
  const n = data as unknown as NodeReport;
  return (
    <div data-node={n.name} data-state={n.state} data-role={n.role} title={`${n.name} ${n.host}:${n.port} · ${n.role} · ${n.state}`} onMouseEnter={showSince(n)}
      className={`flex h-[92px] w-[220px] items-center justify-center truncate rounded border-2 bg-white px-2 text-sm dark:bg-slate-900 ${BORDER[n.state]} ${n.registered ? "" : "border-dashed"}`}>
      <Handle type="target" position={Position.Top} />
      {n.name}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
