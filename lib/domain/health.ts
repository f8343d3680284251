// Honest lag and health: NULL lag stays unknown, stopped replicas' lag grows, deliberate delay is not lag (pure).
import type { ChannelStatus } from "./replica-status";

/** Health of a channel or a server. */
export type HealthState = "ok" | "lagging" | "critical" | "stopped" | "broken" | "connecting" | "unreachable" | "unknown";

/** Worst first: how on-call should read a list. */
export const HEALTH_ORDER: HealthState[] = ["broken", "unreachable", "critical", "connecting", "stopped", "lagging", "unknown", "ok"];

/** Where a lag figure comes from. */
export type LagSource = "heartbeat" | "seconds_behind" | "estimated";

/** Lag thresholds in seconds (beyond any configured delay). */
export interface Thresholds {
  warn: number;
  crit: number;
}

/** Global defaults: warn at 10 s, critical at 60 s. */
export const DEFAULT_THRESHOLDS: Thresholds = { warn: 10, crit: 60 };

/** A lag reading that was measured (not estimated), remembered to estimate lag once it can't be measured. */
export interface KnownLag {
  lagSeconds: number;
  at: number;
}

/** A channel's verdict: state, the lag to show and where it came from. */
export interface ChannelHealth {
  state: HealthState;
  lagSeconds: number | null;
  lagSource: LagSource | null;
  /** The latest measured lag (carried to the next poll). */
  lastKnown: KnownLag | null;
}

/** Sorts states worst first. */
export function compareHealth(a: HealthState, b: HealthState): number {
  return HEALTH_ORDER.indexOf(a) - HEALTH_ORDER.indexOf(b);
}

/** The worse of the given states ("ok" for none). */
export function worstHealth(states: HealthState[]): HealthState {
  return states.reduce<HealthState>((w, s) => (compareHealth(s, w) < 0 ? s : w), "ok");
}

/** Per-server thresholds over the defaults; an invalid pair falls back to the defaults. */
export function thresholdsFor(warn: number | null | undefined, crit: number | null | undefined, defaults = DEFAULT_THRESHOLDS): Thresholds {
  const t = { warn: warn ?? defaults.warn, crit: crit ?? defaults.crit };
  return t.warn < t.crit ? t : defaults;
}

function threadState(c: ChannelStatus): HealthState | null {
  if (c.sqlThread === "stopped" && c.lastSqlErrno !== 0) return "broken";
  if (c.ioThread === "stopped" && c.lastIoErrno !== 0) return "broken";
  if (c.sqlThread === "stopped" || c.ioThread === "stopped") return "stopped";
  if (c.ioThread === "connecting") return "connecting";
  return null;
}

/**
 * Classifies one channel at `now` (epoch seconds). Heartbeat lag, when given, wins over Seconds_Behind.
 * Lag beyond `sqlDelay` is what meets the thresholds. When lag cannot be measured on a stopped, broken or
 * connecting channel, it is estimated as the last measured lag plus the time since; never 0.
 */
export function classifyChannel(c: ChannelStatus, t: Thresholds, now: number, heartbeatLag: number | null, previous: KnownLag | null): ChannelHealth {
  const measured = heartbeatLag ?? c.secondsBehind;
  const source: LagSource | null = heartbeatLag !== null ? "heartbeat" : c.secondsBehind !== null ? "seconds_behind" : null;
  const lastKnown = measured !== null ? { lagSeconds: measured, at: now } : previous;
  const threads = threadState(c);
  if (threads) {
    if (measured !== null) return { state: threads, lagSeconds: measured, lagSource: source, lastKnown };
    // At least 0.1 s: an estimate is never 0, which would read as caught up (a poll moments after a measured 0).
    const estimate = previous ? Math.max(0.1, Math.round((previous.lagSeconds + Math.max(0, now - previous.at)) * 10) / 10) : null;
    return { state: threads, lagSeconds: estimate, lagSource: estimate === null ? null : "estimated", lastKnown };
  }
  if (measured === null) return { state: "unknown", lagSeconds: null, lagSource: null, lastKnown };
  const beyondDelay = Math.max(0, measured - c.sqlDelay);
  const state = beyondDelay >= t.crit ? "critical" : beyondDelay >= t.warn ? "lagging" : "ok";
  return { state, lagSeconds: measured, lagSource: source, lastKnown };
}
