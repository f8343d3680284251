"use client";
// The on-call overview: search, state chips and the grouping live in the URL; clusters worst first; rows paged.
import { useDeferredValue, useEffect, useState } from "react";
import { filterQuery, type OverviewFilter, toggleState } from "@/lib/domain/overview/filter";
import { overviewView, pageGroups } from "@/lib/domain/overview/groups";
import type { OverviewResponse } from "@/lib/services/overview";
import { useOverviewStatus, useSparklines } from "@/lib/swr/use-status";
import { ClusterGroup } from "./cluster-group";
import { FreshnessNote } from "./freshness-note";
import { SearchBox } from "./search-box";
import { StateChips } from "./state-chips";

const PAGE = 200;

/** Live overview from the server-rendered report and the filter read from the URL; refreshes every 2 s. */
export function OverviewBoard({ initial, initialFilter }: { initial: OverviewResponse; initialFilter: OverviewFilter }) {
  const { data, error } = useOverviewStatus(initial);
  const { data: sparks } = useSparklines();
  const [filter, setFilter] = useState(initialFilter);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(filter);
  useEffect(() => {
    const q = filterQuery(filter);
    if (q !== window.location.search && !(q === "" && window.location.search === "")) window.history.replaceState(null, "", q || window.location.pathname);
  }, [filter]);
  const servers = data?.servers ?? [];
  const view = overviewView(servers, deferred);
  const paged = pageGroups(view.groups, toggled, limit, servers.length);
  const flip = (key: string) => setToggled((t) => { const n = new Set(t); if (!n.delete(key)) n.add(key); return n; });
  const stale = servers.filter((s) => s.stale).length;
  return (
    <div>
      <FreshnessNote checkedAt={data?.checkedAt ?? null} stale={stale} total={servers.length} staleAfterSeconds={data?.staleAfterSeconds ?? initial.staleAfterSeconds} />
      {error && <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">Live refresh failed ({String(error.message)}); showing the last data received.</p>}
      <div className="mb-4 space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <SearchBox value={filter.q} onChange={(q) => setFilter({ ...filter, q })} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={filter.problemsFirst} onChange={(e) => setFilter({ ...filter, problemsFirst: e.target.checked })} />
            All problems first (no grouping)
          </label>
        </div>
        <StateChips counts={view.counts} selected={filter.states} onToggle={(s) => setFilter(toggleState(filter, s))} />
        <p aria-live="polite" data-testid="shown-count" className="text-sm text-slate-600 dark:text-slate-400">
          Showing {view.shown} of {servers.length} server{servers.length === 1 ? "" : "s"}
          {filter.q || filter.states.length ? <> · <button type="button" className="underline" onClick={() => setFilter({ q: "", states: [], problemsFirst: filter.problemsFirst })}>clear filter</button></> : null}
        </p>
      </div>
      {paged.groups.map((g) => <ClusterGroup key={g.key} group={g} flat={deferred.problemsFirst} series={sparks?.series ?? {}} onToggle={flip} />)}
      {view.shown === 0 && servers.length > 0 && <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">No server matches this filter.</p>}
      {paged.hidden > 0 && (
        <button type="button" onClick={() => setLimit(limit + PAGE)} className="mt-2 w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          Show {Math.min(PAGE, paged.hidden)} more ({paged.hidden} not shown)
        </button>
      )}
    </div>
  );
}
