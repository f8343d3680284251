// Display text for lag and durations; unknown lag reads "unknown", never 0 (pure).
import { DEFAULT_THRESHOLDS, type HealthState, type LagSource } from "./health";

/** "850 ms", "12 s", "4 min 5 s", "3 h 2 min", "2 d 4 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return seconds === 0 ? "0 s" : `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

/** Lag as on-call should read it: the figure; "unknown" when null; "unknown (≥ …)" when only estimated. */
export function formatLag(lag: number | null, source: LagSource | null): string {
  if (lag === null) return "unknown";
  return source === "estimated" ? `unknown (≥ ${formatDuration(lag)})` : formatDuration(lag);
}

/** Where a lag figure came from, in words. */
export const LAG_SOURCE_LABELS: Record<LagSource, string> = {
  heartbeat: "heartbeat",
  seconds_behind: "Seconds_Behind",
  estimated: "estimated: last known lag + time since",
};

/** Short explanations of each health state. */
export const HEALTH_LABELS: Record<HealthState, string> = {
  ok: "ok",
  lagging: "lagging",
  critical: "critical lag",
  stopped: "stopped",
  broken: "broken",
  connecting: "cannot reach source",
  unreachable: "unreachable",
  unknown: "unknown",
};

/** A server's lag thresholds as its page lists them, unset ones shown as the domain's defaults. */
export function thresholdsText(warn: number | null, crit: number | null, defaults = DEFAULT_THRESHOLDS): string {
  return `warn ${warn ?? `${defaults.warn} (default)`} s · critical ${crit ?? `${defaults.crit} (default)`} s`;
}
