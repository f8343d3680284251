// The alert lifecycle (pure): previous alerts + this sweep's problems + silences + config → next alerts + notifications.
import { createHash } from "node:crypto";
import type { AlertConfig, AlertNotification, AlertState, SeenProblem, SilenceRule, SweepServer, Transition } from "./types";
import { forSecondsOf, silenceMatches } from "./rules";

/** The stable id of the alert for (server, channel, code): 16 hex characters. */
export function alertId(serverId: string, channel: string, code: string): string {
  return createHash("sha256").update(`${serverId}\u0000${channel}\u0000${code}`).digest("hex").slice(0, 16);
}

/** The key receivers de-duplicate on: alert id, transition and sequence number. */
export const idempotencyKey = (id: string, transition: Transition, seq: number) => `${id}:${transition}:${seq}`;

/** What one evaluation produced: the alerts to keep (changed or not), the ids to forget, and notifications. */
export interface Evaluation {
  alerts: AlertState[];
  removed: string[];
  notifications: AlertNotification[];
}

interface Ctx {
  now: number;
  config: AlertConfig;
  silences: SilenceRule[];
  out: AlertNotification[];
}

function newAlert(serverId: string, p: SeenProblem, now: number): AlertState {
  const channel = p.channel ?? "";
  return {
    id: alertId(serverId, channel, p.code), serverId, channel, code: p.code, severity: p.severity, message: p.message, state: "pending",
    since: now, firedAt: null, resolvedAt: null, missingSince: null, silenced: false, acknowledgedBy: null, acknowledgedAt: null,
    notified: null, lastNotifiedAt: null, lastFiringNotifiedAt: null, seq: 0,
  };
}

/** Restarts a resolved alert as a new occurrence (keeping its notification history for flapping and sequence). */
function reopen(a: AlertState, p: SeenProblem, now: number): AlertState {
  return { ...a, severity: p.severity, message: p.message, state: "pending", since: now, firedAt: null, resolvedAt: null, missingSince: null, acknowledgedBy: null, acknowledgedAt: null };
}

function notify(a: AlertState, t: Transition, ctx: Ctx): AlertState {
  const next: AlertState = {
    ...a, seq: a.seq + 1, lastNotifiedAt: ctx.now,
    notified: t === "resolved" ? "resolved" : "firing",
    lastFiringNotifiedAt: t === "firing" ? ctx.now : a.lastFiringNotifiedAt,
  };
  ctx.out.push({ alertId: a.id, transition: t, seq: a.seq, idempotencyKey: idempotencyKey(a.id, t, a.seq), alert: next });
  return next;
}

/** Sends what receivers have not heard yet: a firing (outside the flapping window), a resolved, or a due repeat. */
function reconcile(a: AlertState, ctx: Ctx): AlertState {
  if (a.silenced || a.state === "pending") return a;
  if (a.state === "resolved") return a.notified === "firing" ? notify(a, "resolved", ctx) : a;
  if (a.notified !== "firing") {
    const inWindow = a.lastFiringNotifiedAt !== null && ctx.now - a.lastFiringNotifiedAt < ctx.config.flapWindowSeconds;
    return inWindow ? a : notify(a, "firing", ctx);
  }
  const due = !a.acknowledgedBy && a.lastNotifiedAt !== null && ctx.now - a.lastNotifiedAt >= ctx.config.repeatSeconds;
  return due ? notify(a, "repeat", ctx) : a;
}

function seen(a: AlertState, p: SeenProblem, server: SweepServer, ctx: Ctx): AlertState {
  let next = a.state === "resolved" ? reopen(a, p, ctx.now) : { ...a, severity: p.severity, message: p.message, missingSince: null };
  if (next.state === "pending" && ctx.now - next.since >= forSecondsOf(ctx.config.rules, server.serverId, server.cluster, p.code)) next = { ...next, state: "firing", firedAt: ctx.now };
  return next;
}

function unseen(a: AlertState, server: SweepServer | undefined, ctx: Ctx): AlertState | null {
  if (a.state === "resolved") return a;
  const unknown = server && !server.reachable && a.code !== "Unreachable" && a.code !== "NotCheckedRecently";
  if (unknown) return a;
  if (a.state === "pending") return a.seq === 0 ? null : { ...a, state: "resolved", resolvedAt: ctx.now, missingSince: ctx.now };
  const missingSince = a.missingSince ?? ctx.now;
  const gone = !server || ctx.now - missingSince >= ctx.config.resolveAfterSeconds;
  return gone ? { ...a, state: "resolved", resolvedAt: ctx.now, missingSince } : { ...a, missingSince };
}

const clusterOf = (servers: Map<string, SweepServer>, serverId: string) => servers.get(serverId)?.cluster ?? null;

/**
 * One step of the lifecycle. Pending alerts whose problem is gone are dropped silently (or, if they notified before,
 * go back to resolved: an alert keeps its sequence for its lifetime, so idempotency keys never repeat); firing ones
 * resolve once the problem has been gone for `resolveAfterSeconds`; servers that could not be read keep their other
 * alerts as they were (unknown is not gone); servers no longer in the sweep resolve theirs at once and are forgotten
 * `keepResolvedSeconds` later.
 */
export function evaluateAlerts(previous: AlertState[], servers: SweepServer[], silences: SilenceRule[], config: AlertConfig, now: number): Evaluation {
  const ctx: Ctx = { now, config, silences, out: [] };
  const byServer = new Map(servers.map((s) => [s.serverId, s]));
  const prevById = new Map(previous.map((a) => [a.id, a]));
  const next = new Map<string, AlertState>();
  const removed: string[] = [];
  for (const s of servers) {
    for (const p of s.problems) {
      const id = alertId(s.serverId, p.channel ?? "", p.code);
      if (next.has(id)) continue;
      const before = prevById.get(id);
      next.set(id, seen(before ?? newAlert(s.serverId, p, now), p, s, ctx));
    }
  }
  for (const a of previous) {
    if (next.has(a.id)) continue;
    const after = unseen(a, byServer.get(a.serverId), ctx);
    const forgotten = after?.state === "resolved" && !byServer.has(a.serverId) && after.resolvedAt !== null && now - after.resolvedAt > config.keepResolvedSeconds;
    if (!after || forgotten) removed.push(a.id);
    else next.set(a.id, after);
  }
  const alerts = [...next.values()].map((a) => {
    const silenced = silences.some((s) => silenceMatches(s, a, clusterOf(byServer, a.serverId), now));
    return reconcile({ ...a, silenced }, ctx);
  });
  return { alerts, removed, notifications: ctx.out };
}

/** True when two states differ in anything stored (so only changed alerts are written). */
export function alertChanged(a: AlertState | undefined, b: AlertState): boolean {
  return !a || (Object.keys(b) as (keyof AlertState)[]).some((k) => a[k] !== b[k]);
}

/** The alert after an operator acknowledged it (stops repeats until it resolves). */
export function acknowledge(a: AlertState, by: string, now: number): AlertState {
  return { ...a, acknowledgedBy: by, acknowledgedAt: now };
}
