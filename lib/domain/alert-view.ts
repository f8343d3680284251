// How the alerts pages read alerts (pure): the API's alert shape, the page's sections, "broken · 12 min", the tab title.

import type { AlertView, SilenceView } from "./alerts/views";

export type { AlertView, SilenceView } from "./alerts/views";

/** The /alerts page's sections, each already in display order. */
export interface AlertSections {
  firing: AlertView[];
  pending: AlertView[];
  silenced: AlertView[];
  resolved: AlertView[];
}

const SEVERITY_RANK = { critical: 0, warning: 1 } as const;
const ms = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/** Worst first: critical before warning, then the longest-standing first, then by server name. */
export function compareAlerts(a: AlertView, b: AlertView): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ms(a.since) - ms(b.since) || a.serverName.localeCompare(b.serverName) || a.code.localeCompare(b.code);
}

/** Splits alerts into the page's sections: silenced ones (pending or firing) are listed apart; resolved newest first, at most `resolvedLimit`. */
export function alertSections(alerts: AlertView[], resolvedLimit = 50): AlertSections {
  const open = alerts.filter((a) => a.state !== "resolved");
  return {
    firing: open.filter((a) => a.state === "firing" && !a.silenced).sort(compareAlerts),
    pending: open.filter((a) => a.state === "pending" && !a.silenced).sort(compareAlerts),
    silenced: open.filter((a) => a.silenced).sort(compareAlerts),
    resolved: alerts.filter((a) => a.state === "resolved").sort((a, b) => ms(b.resolvedAt) - ms(a.resolvedAt)).slice(0, resolvedLimit),
  };
}

/** How many alerts page someone now: firing and not silenced (what the nav badge and the tab title count). */
export function firingCount(alerts: AlertView[]): number {
  return alerts.filter((a) => a.state === "firing" && !a.silenced).length;
}

/** A short duration for "since" labels: "40 s", "12 min", "3 h 5 min", "2 d 4 h" (never negative). */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h${s % 3600 >= 60 ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  return `${Math.floor(s / 86_400)} d${s % 86_400 >= 3600 ? ` ${Math.floor((s % 86_400) / 3600)} h` : ""}`;
}

/** How long something has lasted from `sinceIso` to `nowMs` (or until `untilIso` when it ended), e.g. "12 min". */
export function durationSince(sinceIso: string, nowMs: number, untilIso?: string | null): string {
  return shortDuration(((untilIso ? Date.parse(untilIso) : nowMs) - Date.parse(sinceIso)) / 1000);
}

/** "broken · 12 min": a state or problem with how long it has lasted. */
export function sinceLabel(what: string, sinceIso: string, nowMs: number): string {
  return `${what} · ${durationSince(sinceIso, nowMs)}`;
}

/** What a silence matches, in words: "server db-2 · code ReplicationBroken". */
export function silenceScope(s: Pick<SilenceView, "serverId" | "serverName" | "cluster" | "code">): string {
  const parts = [s.serverId ? `server ${s.serverName ?? s.serverId}` : null, s.cluster ? `cluster ${s.cluster}` : null, s.code ? `code ${s.code}` : null].filter(Boolean);
  return parts.join(" · ") || "everything";
}

/** One notification channel as GET /api/alert-channels returns it: never a secret, only whether one is set. */
export interface ChannelView {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  hasSecret: boolean;
  smtp: { host: string; port: number; tls: string; user: string | null; from: string; hasPassword: boolean } | null;
  to: string[];
  minSeverity: string;
  clusters: string[];
  lastResult: string | null;
  lastError: string | null;
  lastAttemptAt: string | null;
}

/** What a topology node's tooltip needs: the server, its state (in words) since when, and its problems since when. */
export interface TimedNode {
  name: string;
  host: string;
  port: number;
  stateLabel: string;
  stateSince: string | null;
  problems: { code: string; message: string; since?: string | null }[];
}

/** The node tooltip: "db-2 10.0.0.2:3306", "broken for 12 min (since 06:00 UTC)", then each problem with its duration. */
export function nodeTooltip(n: TimedNode, nowMs: number): string {
  const at = (iso: string) => `${new Date(iso).toISOString().slice(11, 16)} UTC`;
  const state = n.stateSince ? `${n.stateLabel} for ${durationSince(n.stateSince, nowMs)} (since ${at(n.stateSince)})` : n.stateLabel;
  const problems = n.problems.map((p) => `${p.code}${p.since ? ` for ${durationSince(p.since, nowMs)}` : ""}: ${p.message}`);
  return [`${n.name} ${n.host}:${n.port}`, state, ...problems].join("\n");
}
