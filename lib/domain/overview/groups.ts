// The overview's grouping (pure): clusters worst first with their state counts, or every server worst first.
import { compareText } from "../collate";
import { compareHealth, HEALTH_ORDER, type HealthState, worstHealth } from "../health";
import { matchesSearch, type OverviewFilter, type Searchable, searchTerms } from "./filter";

/** What grouping needs of a server. */
export interface GroupableServer extends Searchable {
  id: string;
  state: HealthState;
  problems: unknown[];
}

/** One cluster's block: its servers worst first, counts per state, and its worst state. */
export interface ClusterGroup<T extends GroupableServer> {
  key: string;
  cluster: string | null;
  worst: HealthState;
  counts: Partial<Record<HealthState, number>>;
  servers: T[];
}

/** The label of servers without a cluster. */
export const NO_CLUSTER = "no cluster";

/** Worst state first, then more problems, then by name. */
export function compareServers(a: GroupableServer, b: GroupableServer): number {
  return compareHealth(a.state, b.state) || b.problems.length - a.problems.length || compareText(a.name, b.name);
}

/** Servers per state, in HEALTH_ORDER (only states present). */
export function stateCounts(servers: { state: HealthState }[]): Partial<Record<HealthState, number>> {
  const counts: Partial<Record<HealthState, number>> = {};
  for (const s of servers) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return Object.fromEntries(HEALTH_ORDER.filter((s) => counts[s]).map((s) => [s, counts[s]]));
}

const unhealthy = (c: Partial<Record<HealthState, number>>) => Object.entries(c).reduce((n, [s, k]) => n + (s === "ok" ? 0 : (k ?? 0)), 0);

/** Groups by cluster: the worst cluster first (then the one with more unhealthy servers, then by name; "no cluster" last among equals). */
export function groupByCluster<T extends GroupableServer>(servers: T[]): ClusterGroup<T>[] {
  const by = new Map<string, T[]>();
  for (const s of servers) {
    const key = s.cluster ?? "";
    const list = by.get(key);
    if (list) list.push(s);
    else by.set(key, [s]);
  }
  return [...by.entries()]
    .map(([key, list]) => {
      const sorted = [...list].sort(compareServers);
      return { key, cluster: key || null, worst: worstHealth(sorted.map((s) => s.state)), counts: stateCounts(sorted), servers: sorted };
    })
    .sort((a, b) => compareHealth(a.worst, b.worst) || unhealthy(b.counts) - unhealthy(a.counts) || (a.key === "" ? 1 : 0) - (b.key === "" ? 1 : 0) || compareText(a.key, b.key));
}

/** What the overview shows for a filter: counts for the chips (after the search, before the state filter) and the rows. */
export interface OverviewView<T extends GroupableServer> {
  /** Servers matching the search, per state: the chips. */
  counts: Partial<Record<HealthState, number>>;
  /** How many servers match search and state filter. */
  shown: number;
  /** Grouped by cluster, or (problems first) one group with every matching server worst first. */
  groups: ClusterGroup<T>[];
}

/** Applies search and state filter, then groups (or lists every server worst first when `problemsFirst`). */
export function overviewView<T extends GroupableServer>(servers: T[], f: OverviewFilter): OverviewView<T> {
  const terms = searchTerms(f.q);
  const found = servers.filter((s) => matchesSearch(s, terms));
  const shown = f.states.length ? found.filter((s) => f.states.includes(s.state)) : found;
  const groups = f.problemsFirst
    ? [{ key: "*", cluster: null, worst: worstHealth(shown.map((s) => s.state)), counts: stateCounts(shown), servers: [...shown].sort(compareServers) }]
    : groupByCluster(shown);
  return { counts: stateCounts(found), shown: shown.length, groups: shown.length ? groups : [] };
}

/** A group cut to what is drawn: collapsed groups draw no rows; rows stop at `limit` across groups (the rest wait for "show more"). */
export interface PagedGroup<T extends GroupableServer> extends ClusterGroup<T> {
  collapsed: boolean;
  visible: T[];
}

/** Whether a group starts collapsed: only healthy clusters, and only when there are many servers. */
export function collapsedByDefault(g: { worst: HealthState }, total: number, manyAbove = 50): boolean {
  return total > manyAbove && g.worst === "ok";
}

/** Cuts groups to at most `limit` rows in all; `toggled` flips a group from its default collapsed state. */
export function pageGroups<T extends GroupableServer>(groups: ClusterGroup<T>[], toggled: ReadonlySet<string>, limit: number, total: number): { groups: PagedGroup<T>[]; hidden: number } {
  let left = limit;
  let hidden = 0;
  const paged = groups.map((g) => {
    const collapsed = collapsedByDefault(g, total) !== toggled.has(g.key);
    const visible = collapsed ? [] : g.servers.slice(0, Math.max(0, left));
    left -= visible.length;
    if (!collapsed) hidden += g.servers.length - visible.length;
    return { ...g, collapsed, visible };
  });
  return { groups: paged, hidden };
}
