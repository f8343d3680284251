"use client";
// Tabs per cluster plus "all", graph or table, refreshed live from /api/topology.
import { useState } from "react";
import type { TopologyResponse } from "@/lib/services/topology";
import { useTopology } from "@/lib/swr/use-topology";
import { TopologyCanvas } from "./topology-canvas";
import { TopologyTable } from "./topology-table";

/** The topology page's interactive part. */
export function TopologyView({ initial }: { initial: TopologyResponse }) {
  const { data } = useTopology(initial);
  const clusters = data?.clusters ?? [];
  const [tab, setTab] = useState<string>(clusters[0]?.id ?? "all");
  const [asTable, setAsTable] = useState(false);
  const shownClusters = tab === "all" ? clusters : clusters.filter((c) => c.id === tab);
  const shown = { nodes: shownClusters.flatMap((c) => c.nodes), edges: shownClusters.flatMap((c) => c.edges), groups: shownClusters.flatMap((c) => c.groups) };
  const tabClass = (active: boolean) => `rounded-md px-3 py-1 text-sm ${active ? "bg-slate-200 font-medium dark:bg-slate-700" : "text-slate-600 dark:text-slate-400"}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1">
        <div className="flex flex-wrap items-center gap-1" role="tablist" aria-label="Clusters">
        {clusters.map((c) => (
          <button key={c.id} role="tab" aria-selected={tab === c.id} className={tabClass(tab === c.id)} onClick={() => setTab(c.id)}>
            {c.name} <span className="text-xs text-slate-600 dark:text-slate-300">({c.nodes.length})</span>
          </button>
        ))}
        <button role="tab" aria-selected={tab === "all"} className={tabClass(tab === "all")} onClick={() => setTab("all")}>all</button>
        </div>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input type="checkbox" checked={asTable} onChange={(e) => setAsTable(e.target.checked)} /> Text table view
        </label>
      </div>
      {asTable ? <TopologyTable {...shown} /> : <TopologyCanvas clusters={shownClusters} />}
    </div>
  );
}
