// Alert evaluation after each sweep: one read, the pure lifecycle, one transaction for changes and new outbox rows.
import "server-only";
import { env } from "@/lib/config/env";
import { activeSilenceRules, listForRules, loadAlerts, type OutboxInsert, saveAlertChanges } from "@/lib/data/alerts";
import { listChannels } from "@/lib/data/alert-channels";
import { alertChanged, evaluateAlerts, idempotencyKey } from "@/lib/domain/alerts/lifecycle";
import { type AlertServer, channelWants, webhookBody } from "@/lib/domain/alerts/format";
import { defaultAlertConfig } from "@/lib/domain/alerts/rules";
import type { AlertNotification, AlertState, SweepServer } from "@/lib/domain/alerts/types";
import { resolveChannel } from "./channel-admin";

/** What one evaluation did, for tests and the bench. */
export interface EvaluationSummary {
  changed: number;
  removed: number;
  enqueued: number;
}

/** A server of the sweep, as evaluation needs it. */
export type EvaluatedServer = SweepServer & AlertServer;

function rowsFor(n: Pick<AlertNotification, "alert" | "idempotencyKey" | "transition">, server: AlertServer, channels: ReturnType<typeof resolveChannel>[], nowMs: number): OutboxInsert[] {
  const body = JSON.stringify(webhookBody(n.alert, server, n.transition, env().REPLSCOPE_PUBLIC_URL));
  return channels
    .filter((c) => channelWants(c, n.alert.severity, server.cluster))
    .map((c) => ({ channelId: c.id, alertId: n.alert.id, idempotencyKey: n.idempotencyKey, payload: body, nextAttemptAt: nowMs, createdAt: nowMs }));
}

/**
 * Runs evaluations one after another (never two at once, so an acknowledgement is never overwritten by a sweep
 * that read the alert before it), each reading the stored alerts fresh.
 */
export class AlertEngine {
  private chain: Promise<unknown> = Promise.resolve();
  private lastRepost = 0;
  /** Called after an evaluation that enqueued notifications (the delivery worker's wake-up). */
  onEnqueued: () => void = () => {};

  /** Queues `fn` after every earlier evaluation or acknowledgement. */
  serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  /** Evaluates one sweep's problems (times in epoch seconds). */
  evaluate(servers: EvaluatedServer[], now = Date.now() / 1000): Promise<EvaluationSummary> {
    return this.serialize(() => this.run(servers, now));
  }

  private async run(servers: EvaluatedServer[], now: number): Promise<EvaluationSummary> {
    const e = env();
    const [previous, silences, rules, channelRows] = await Promise.all([loadAlerts(), activeSilenceRules(new Date(now * 1000)), listForRules(), listChannels()]);
    const config = { ...defaultAlertConfig(e.REPLSCOPE_POLL_INTERVAL_MS / 1000, e.REPLSCOPE_ALERT_REPEAT_MINUTES * 60), rules };
    const result = evaluateAlerts(previous, servers, silences, config, now);
    const before = new Map(previous.map((a) => [a.id, a]));
    const changed = result.alerts.filter((a) => alertChanged(before.get(a.id), a));
    const byId = new Map(servers.map((s) => [s.serverId, s]));
    const channels = channelRows.map(resolveChannel);
    const nowMs = Math.round(now * 1000);
    const known = (a: AlertState) => byId.get(a.serverId) ?? { name: a.serverId, host: "", port: 0, cluster: null };
    const outbox = result.notifications.flatMap((n) => rowsFor(n, known(n.alert), channels, nowMs));
    outbox.push(...this.reposts(result.alerts, byId, channels, now, e.REPLSCOPE_ALERTMANAGER_REPOST_SECONDS));
    await saveAlertChanges(changed, result.removed, outbox);
    if (outbox.length) this.onEnqueued();
    return { changed: changed.length, removed: result.removed.length, enqueued: outbox.length };
  }

  /** Alertmanager forgets a firing alert after its resolve_timeout: re-post firing, notified, unsilenced alerts every `everySeconds`. */
  private reposts(alerts: AlertState[], byId: Map<string, EvaluatedServer>, channels: ReturnType<typeof resolveChannel>[], now: number, everySeconds: number): OutboxInsert[] {
    const managers = channels.filter((c) => c.kind === "alertmanager");
    if (!managers.length || now - this.lastRepost < everySeconds) return [];
    this.lastRepost = now;
    const bucket = Math.floor(now / everySeconds);
    return alerts
      .filter((a) => a.state === "firing" && a.notified === "firing" && !a.silenced && a.lastNotifiedAt !== null && now - a.lastNotifiedAt >= everySeconds && byId.has(a.serverId))
      .flatMap((a) => rowsFor({ alert: a, transition: "repeat", idempotencyKey: `${idempotencyKey(a.id, "repeat", a.seq)}:am${bucket}` }, byId.get(a.serverId)!, managers, Math.round(now * 1000)));
  }
}

const g = globalThis as unknown as { replscopeAlertEngine?: AlertEngine };

/** The process-wide alert engine (shared by the monitor and the acknowledge route). */
export function alertEngine(): AlertEngine {
  g.replscopeAlertEngine ??= new AlertEngine();
  return g.replscopeAlertEngine;
}
