// Alert lifecycle types (pure): one alert per (server, replication channel, problem code).
import type { ProblemCode } from "../problems";

/** Where an alert is in its lifecycle. */
export type AlertLifecycle = "pending" | "firing" | "resolved";

/** Problem severities, least to most severe. */
export const SEVERITIES = ["warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One alert as the lifecycle keeps it (times are epoch seconds). */
export interface AlertState {
  id: string;
  serverId: string;
  /** The replication channel ("" for the default channel or a server-wide problem). */
  channel: string;
  code: ProblemCode;
  severity: Severity;
  message: string;
  state: AlertLifecycle;
  /** When the problem was first seen (this occurrence). */
  since: number;
  firedAt: number | null;
  resolvedAt: number | null;
  /** First sweep that no longer saw the problem (null while it is seen). */
  missingSince: number | null;
  silenced: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  /** What receivers last heard about this alert (null: nothing yet). */
  notified: "firing" | "resolved" | null;
  lastNotifiedAt: number | null;
  /** When the last "firing" notification was sent (for the flapping window). */
  lastFiringNotifiedAt: number | null;
  /** Notifications sent so far; the next one's sequence number. */
  seq: number;
}

/** A problem seen on a server in this sweep. */
export interface SeenProblem {
  code: ProblemCode;
  severity: Severity;
  channel?: string;
  message: string;
}

/** One server as a sweep saw it: reachable or not, with its problems. */
export interface SweepServer {
  serverId: string;
  cluster: string | null;
  /** False when the server could not be read: its other problems are unknown, not gone. */
  reachable: boolean;
  problems: SeenProblem[];
}

/** A silence: matches alerts by server, cluster and/or code until it ends. */
export interface SilenceRule {
  id: string;
  serverId: string | null;
  cluster: string | null;
  code: string | null;
  endsAt: number;
}

/** A `for` override: the most specific matching rule wins (server > cluster > code only). */
export interface ForRule {
  code?: string | null;
  cluster?: string | null;
  serverId?: string | null;
  forSeconds: number;
}

/** Settings of the lifecycle. */
export interface AlertConfig {
  rules: ForRule[];
  /** How long a problem must be gone before its alert resolves (one poll interval). */
  resolveAfterSeconds: number;
  /** Firing, unacknowledged alerts are re-sent this often. */
  repeatSeconds: number;
  /** At most one firing/resolved pair per alert within this window. */
  flapWindowSeconds: number;
  /** Resolved alerts are forgotten after this long. */
  keepResolvedSeconds: number;
}

/** Which way a notification reports an alert. */
export type Transition = "firing" | "resolved" | "repeat";

/** A notification to enqueue for every matching channel. */
export interface AlertNotification {
  alertId: string;
  transition: Transition;
  seq: number;
  /** Deduplication key for receivers: alert id + transition + sequence. */
  idempotencyKey: string;
  alert: AlertState;
}
