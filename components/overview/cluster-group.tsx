// One cluster in the overview: a header (name, state counts, collapse) and its servers worst first.
import type { PageGroup } from "@/lib/domain/overview/page";
import { HEALTH_LABELS } from "@/lib/domain/format";
import type { HealthState } from "@/lib/domain/health";
import type { OverviewRow } from "@/lib/services/overview";
import type { SparklinesResponse } from "@/lib/services/status";
import { ROW_GRID, ServerRow } from "./server-row";

/** "1 broken · 2 ok": counts in words (state is never told by colour alone). */
export function countsText(counts: Partial<Record<HealthState, number>>): string {
  return Object.entries(counts).map(([s, n]) => `${n} ${HEALTH_LABELS[s as HealthState]}`).join(" · ");
}

/** Column names above the rows on wide screens (phones show cards, which label themselves). */
function ColumnHeader() {
  return (
    <div aria-hidden className={`hidden border-b border-slate-200 py-2 text-xs uppercase text-slate-500 md:grid md:gap-x-3 dark:border-slate-800 dark:text-slate-400 ${ROW_GRID}`}>
      <span>Server</span><span>State</span><span>Lag · 15 min</span><span>Checked</span><span>Problems</span>
    </div>
  );
}

interface Props {
  group: PageGroup<OverviewRow>;
  flat: boolean;
  series: SparklinesResponse["series"];
  onToggle: (key: string) => void;
}

/** The group; in the problems-first view (flat) there is no cluster header. */
export function ClusterGroup({ group, flat, series, onToggle }: Props) {
  const title = group.cluster ?? "no cluster";
  const id = `group-${encodeURIComponent(group.key)}`;
  return (
    <section aria-label={flat ? "All servers, problems first" : `Cluster ${title}`} data-cluster={flat ? undefined : title} data-worst={group.worst} className="mb-4">
      {!flat && (
        <h2 className="mb-2">
          <button type="button" aria-expanded={!group.collapsed} aria-controls={id} onClick={() => onToggle(group.key)}
            className="flex w-full flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md bg-slate-100 px-3 py-2 text-left hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700">
            <span aria-hidden>{group.collapsed ? "▸" : "▾"}</span>
            <span className="font-semibold">{title}</span>
            <span data-testid="cluster-counts" className="text-sm text-slate-600 dark:text-slate-300">{countsText(group.counts)}</span>
          </button>
        </h2>
      )}
      {!group.collapsed && (
        <div id={id}>
          <ColumnHeader />
          <ul className="space-y-2 md:space-y-0">
            {group.rows.map((s) => <ServerRow key={s.id} s={s} series={series[s.id]} showCluster={flat} />)}
          </ul>
        </div>
      )}
    </section>
  );
}
