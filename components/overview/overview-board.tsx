"use client";
// The on-call overview: search, state chips and the grouping live in the URL; the server answers each filter with the
// counts and only the rows drawn (clusters worst first, paged); the search asks it once typing pauses.
import { useEffect, useMemo, useState } from "react";
import { filterQuery, type OverviewFilter, toggleState } from "@/lib/domain/overview/filter";
import { PAGE_ROWS, pageRequestQuery } from "@/lib/domain/overview/page";
import type { OverviewResponse } from "@/lib/services/overview";
import { useOverviewStatus, useSparklines } from "@/lib/swr/use-status";
import { ClusterGroup } from "./cluster-group";
import { FreshnessNote } from "./freshness-note";
import { SearchBox } from "./search-box";
import { StateChips } from "./state-chips";

/** How long typing must pause before the search asks the server. */
const SEARCH_PAUSE_MS = 150;

/** `value`, once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Live overview from the server-rendered page and the filter read from the URL; refreshes every 2 s. */
export function OverviewBoard({ initial, initialFilter }: { initial: OverviewResponse; initialFilter: OverviewFilter }) {
  const [filter, setFilter] = useState(initialFilter);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_ROWS);
  const q = useSettled(filter.q, SEARCH_PAUSE_MS);
  const query = pageRequestQuery({ filter: { ...filter, q }, toggled: [...toggled], limit });
  const { data = initial, error } = useOverviewStatus(query, initial);
  const drawnReplicas = useMemo(() => data.groups.flatMap((g) => g.rows.filter((s) => s.channels.length > 0).map((s) => s.id)), [data]);
  const { data: sparks } = useSparklines(drawnReplicas);
  useEffect(() => {
    const search = filterQuery(filter);
    if (search !== window.location.search && !(search === "" && window.location.search === "")) window.history.replaceState(null, "", search || window.location.pathname);
  }, [filter]);
  const flip = (key: string) => setToggled((t) => { const n = new Set(t); if (!n.delete(key)) n.add(key); return n; });
  return (
    <div>
      <FreshnessNote checkedAt={data.checkedAt} stale={data.stale} total={data.total} staleAfterSeconds={data.staleAfterSeconds} />
      {error && <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">Live refresh failed ({String(error.message)}); showing the last data received.</p>}
      <div className="mb-4 space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <SearchBox value={filter.q} onChange={(text) => setFilter({ ...filter, q: text })} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={filter.problemsFirst} onChange={(e) => setFilter({ ...filter, problemsFirst: e.target.checked })} />
            All problems first (no grouping)
          </label>
        </div>
        <StateChips counts={data.counts} selected={filter.states} onToggle={(s) => setFilter(toggleState(filter, s))} />
        <p aria-live="polite" data-testid="shown-count" data-q={data.q} className="text-sm text-slate-600 dark:text-slate-400">
          Showing {data.shown} of {data.total} server{data.total === 1 ? "" : "s"}
          {filter.q || filter.states.length ? <> · <button type="button" className="underline" onClick={() => setFilter({ q: "", states: [], problemsFirst: filter.problemsFirst })}>clear filter</button></> : null}
        </p>
      </div>
      {data.groups.map((g) => <ClusterGroup key={g.key} group={g} flat={data.flat} series={sparks?.series ?? {}} onToggle={flip} />)}
      {data.shown === 0 && data.total > 0 && <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">No server matches this filter.</p>}
      {data.hidden > 0 && (
        <button type="button" onClick={() => setLimit(limit + PAGE_ROWS)} className="mt-2 w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          Show {Math.min(PAGE_ROWS, data.hidden)} more ({data.hidden} not shown)
        </button>
      )}
    </div>
  );
}
