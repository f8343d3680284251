// The overview's filter (pure): search text and state chips, read from and written to the URL so a link can be shared.
import { HEALTH_ORDER, type HealthState } from "../health";

/** What the overview shows: a search, the states picked from the count chips, and the view (grouped or problems first). */
export interface OverviewFilter {
  q: string;
  states: HealthState[];
  problemsFirst: boolean;
}

export const EMPTY_FILTER: OverviewFilter = { q: "", states: [], problemsFirst: false };

const isState = (s: string): s is HealthState => (HEALTH_ORDER as string[]).includes(s);

/** Reads `?q=…&state=broken,lagging&view=problems` (unknown states are ignored; the search is trimmed and capped). */
export function parseFilter(params: { get(name: string): string | null }): OverviewFilter {
  const states = (params.get("state") ?? "").split(",").map((s) => s.trim()).filter(isState);
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    states: HEALTH_ORDER.filter((s) => states.includes(s)),
    problemsFirst: params.get("view") === "problems",
  };
}

/** The query string for a filter ("" when empty), in a stable order so equal filters give equal links. */
export function filterQuery(f: OverviewFilter): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set("q", f.q);
  if (f.states.length) p.set("state", HEALTH_ORDER.filter((s) => f.states.includes(s)).join(","));
  if (f.problemsFirst) p.set("view", "problems");
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Adds or removes one state from the chip selection. */
export function toggleState(f: OverviewFilter, state: HealthState): OverviewFilter {
  const states = f.states.includes(state) ? f.states.filter((s) => s !== state) : [...f.states, state];
  return { ...f, states: HEALTH_ORDER.filter((s) => states.includes(s)) };
}

/** The fields a search looks at. */
export interface Searchable {
  name: string;
  host: string;
  port: number;
  cluster: string | null;
  tags: string[];
}

const FIELDS = ["name", "host", "cluster", "tag"] as const;

/** Splits a search into lower-case terms; `cluster:x`, `tag:x`, `host:x`, `name:x` narrow a term to one field. */
export function searchTerms(q: string): { field: (typeof FIELDS)[number] | null; text: string }[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean).map((t) => {
    const m = /^(name|host|cluster|tag):(.*)$/.exec(t);
    return m ? { field: m[1] as (typeof FIELDS)[number], text: m[2] } : { field: null, text: t };
  }).filter((t) => t.text !== "");
}

/** True when every term matches the server's name, host (or host:port), cluster or one of its tags. */
export function matchesSearch(s: Searchable, terms: ReturnType<typeof searchTerms>): boolean {
  if (terms.length === 0) return true;
  const values = {
    name: [s.name.toLowerCase()],
    host: [`${s.host}:${s.port}`.toLowerCase()],
    cluster: [(s.cluster ?? "").toLowerCase()],
    tag: s.tags.map((t) => t.toLowerCase()),
  };
  return terms.every((t) => (t.field ? values[t.field] : FIELDS.flatMap((f) => values[f])).some((v) => v.includes(t.text)));
}
