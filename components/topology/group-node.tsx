"use client";
// A group box on the topology canvas: a Galera cluster or a Group Replication group, drawn behind its members.
import type { NodeProps } from "@xyflow/react";
import type { TopologyGroup } from "@/lib/domain/topology";

const KIND_LABEL: Record<TopologyGroup["kind"], string> = { galera: "Galera cluster", "group-replication": "Group Replication" };

/** Custom xyflow node: a labelled, dashed box the size of its members' bounding box. */
export function GroupNode({ data }: NodeProps) {
  const g = data as unknown as TopologyGroup & { width: number; height: number };
  return (
    <div data-group={g.name} data-group-kind={g.kind} data-members={g.members.length} style={{ width: g.width, height: g.height }}
      className="pointer-events-none rounded-lg border-2 border-dashed border-sky-400 bg-sky-50/40 dark:border-sky-700 dark:bg-sky-950/30">
      <div className="px-2 pt-1 text-xs font-semibold text-sky-800 dark:text-sky-300">
        {KIND_LABEL[g.kind]}: {g.name} <span className="font-normal">({g.members.length} members)</span>
      </div>
    </div>
  );
}
