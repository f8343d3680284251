// The overview cut to what is drawn (pure): the server answers a filter with the counts and the first rows only.
import type { HealthState } from "../health";
import { filterQuery, type OverviewFilter, parseFilter } from "./filter";
import { type GroupableServer, overviewView, pageGroups } from "./groups";

/** Rows drawn before "Show N more". */
export const PAGE_ROWS = 200;

/** Most rows one page may ask for. */
const MAX_ROWS = 100_000;

/** What the board asks the server for: the URL filter, the groups flipped from their default, and how many rows. */
export interface PageRequest {
  filter: OverviewFilter;
  toggled: string[];
  limit: number;
}

/** One cluster as sent: its counts and worst state, its size, and only its drawn rows (none when collapsed). */
export interface PageGroup<R> {
  key: string;
  cluster: string | null;
  worst: HealthState;
  counts: Partial<Record<HealthState, number>>;
  size: number;
  collapsed: boolean;
  rows: R[];
}

/** The overview for one request: chip counts, how many match, the fleet's size and stale count, the drawn groups. */
export interface OverviewPage<R> {
  /** The search this page answers (the board marks which search its rows are for). */
  q: string;
  /** Problems first: one group of every matching server, no cluster headers. */
  flat: boolean;
  counts: Partial<Record<HealthState, number>>;
  shown: number;
  total: number;
  stale: number;
  groups: PageGroup<R>[];
  /** Matching rows in open groups not drawn yet ("Show N more"). */
  hidden: number;
}

/** Reads a page request from query parameters (`q`, `state`, `view` as the URL filter; `open` repeated; `limit`). */
export function parsePageRequest(params: { get(name: string): string | null; getAll(name: string): string[] }): PageRequest {
  const limit = Math.floor(Number(params.get("limit") ?? PAGE_ROWS));
  return {
    filter: parseFilter(params),
    toggled: params.getAll("open").slice(0, 1000),
    limit: Number.isFinite(limit) ? Math.min(MAX_ROWS, Math.max(1, limit)) : PAGE_ROWS,
  };
}

/** The query string of a page request (stable: equal requests give equal strings, the cache key of its answer). */
export function pageRequestQuery(r: PageRequest): string {
  const p = new URLSearchParams(filterQuery(r.filter));
  for (const key of [...r.toggled].sort()) p.append("open", key);
  if (r.limit !== PAGE_ROWS) p.set("limit", String(r.limit));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Filters, groups and pages `servers` (worst first), converting only the drawn rows with `toRow`. */
export function overviewPage<T extends GroupableServer & { stale: boolean }, R>(servers: T[], r: PageRequest, toRow: (s: T) => R): OverviewPage<R> {
  const view = overviewView(servers, r.filter);
  const paged = pageGroups(view.groups, new Set(r.toggled), r.limit, servers.length);
  let stale = 0;
  for (const s of servers) if (s.stale) stale++;
  return {
    q: r.filter.q, flat: r.filter.problemsFirst, counts: view.counts, shown: view.shown, total: servers.length, stale, hidden: paged.hidden,
    groups: paged.groups.map((g) => ({ key: g.key, cluster: g.cluster, worst: g.worst, counts: g.counts, size: g.servers.length, collapsed: g.collapsed, rows: g.visible.map(toRow) })),
  };
}
