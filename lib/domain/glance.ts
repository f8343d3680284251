// The fleet at a glance (pure): the worst state for the tab title and favicon, and whether the poller keeps up.
import { HEALTH_LABELS } from "./format";
import { HEALTH_ORDER, type HealthState } from "./health";

/** The worst state present and how many servers are in it (null: no server, or every one ok). */
export function worstOfCounts(counts: Partial<Record<HealthState, number>>): { state: HealthState; count: number } | null {
  const state = HEALTH_ORDER.find((s) => s !== "ok" && (counts[s] ?? 0) > 0);
  return state ? { state, count: counts[state] ?? 0 } : null;
}

const PREFIX = /^\(\d+\) [a-z ]+ · (\d+ firing · )?/;

/** The tab title with the worst state in front: "(2) broken · replscope", then firing alerts ("(2) broken · 1 firing · Alerts · replscope"). */
export function glanceTitle(title: string, worst: { state: HealthState; count: number } | null, firing: number): string {
  const bare = title.replace(PREFIX, "");
  if (worst) return `(${worst.count}) ${HEALTH_LABELS[worst.state]} · ${firing > 0 ? `${firing} firing · ` : ""}${bare}`;
  return firing > 0 ? `(${firing}) firing · ${bare}` : bare;
}

const FAVICON: Record<"ok" | "warn" | "bad" | "none", { fill: string; glyph: string }> = {
  ok: { fill: "#059669", glyph: "M9 16.5l4.5 4.5L23 11.5" },
  warn: { fill: "#d97706", glyph: "M16 8v10M16 22.5v1.5" },
  bad: { fill: "#dc2626", glyph: "M10.5 10.5l11 11M21.5 10.5l-11 11" },
  none: { fill: "#64748b", glyph: "M10 16h12" },
};

/** Which favicon a worst state gets: red cross (broken, unreachable, critical, cannot reach source), amber "!" (stopped, lagging, unknown), green tick. */
export function faviconKind(worst: HealthState | null): keyof typeof FAVICON {
  if (worst === null) return "ok";
  if (["broken", "unreachable", "critical", "connecting"].includes(worst)) return "bad";
  return worst === "unknown" ? "none" : "warn";
}

/** A 32×32 SVG favicon as a data: URL (allowed by the CSP's img-src), shape and colour both telling the state. */
export function faviconDataUrl(worst: HealthState | null): string {
  const { fill, glyph } = FAVICON[faviconKind(worst)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="${fill}"/><path d="${glyph}" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round" fill="none"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Whether the poller keeps up: "stopped" when even the newest check is older than `staleAfter`, "behind" when some servers are stale. */
export type PollerHealth = { kind: "fresh" } | { kind: "behind"; staleServers: number } | { kind: "stopped"; ageSeconds: number | null };

/** Judges the poller from the newest check (ISO or null) and the count of stale servers, at `nowMs`. */
export function pollerHealth(newestCheck: string | null, staleServers: number, total: number, nowMs: number, staleAfterSeconds: number): PollerHealth {
  if (total === 0) return { kind: "fresh" };
  if (newestCheck === null) return { kind: "stopped", ageSeconds: null };
  const age = (nowMs - Date.parse(newestCheck)) / 1000;
  if (age > staleAfterSeconds) return { kind: "stopped", ageSeconds: Math.floor(age) };
  return staleServers > 0 ? { kind: "behind", staleServers } : { kind: "fresh" };
}
