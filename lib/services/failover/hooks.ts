// Pre/post-failover notifications through the alert outbox: one row per hook URL of the cluster and per alert channel
// watching it; the delivery worker sends them with retries and backoff, hook URLs signed with the cluster's secret
// when they are sent (the secret is never in the outbox, a log line or the run).
import "server-only";
import { enqueueOutbox, listChannels, type OutboxEntry, outboxFor, recentFailoverOutbox } from "@/lib/data/alert-channels";
import { clusterSetting } from "@/lib/data/cluster-settings";
import type { FailoverHookBody } from "@/lib/domain/failover/hooks";
import { resolveChannel } from "../alerts/channel-admin";
import { hostOf } from "../alerts/channels/http";
import { deliveryWorker } from "../alerts/delivery";
import { inLeaderTerm } from "../leader";

/** How long a failover waits at most for its pre hooks' first attempt (their answer never stops it). */
const PRE_WAIT_MS = 5000;

const outboxKey = (failoverId: string) => `failover:${failoverId}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The outbox rows of the body: each hook URL of the cluster, each alert channel watching it. */
async function rowsFor(body: FailoverHookBody): Promise<OutboxEntry[]> {
  const cluster = body.cluster ?? "";
  const [setting, channels] = await Promise.all([clusterSetting(cluster), listChannels()]);
  const now = Date.now();
  const base = { alertId: outboxKey(body.failoverId), idempotencyKey: `${body.failoverId}:${body.event}`, payload: JSON.stringify(body), nextAttemptAt: now, createdAt: now };
  const watching = channels.map(resolveChannel).filter((c) => !c.clusters.length || c.clusters.includes(cluster));
  return [
    ...setting.hookUrls.map((url) => ({ ...base, channelId: null, hookUrl: url, hookCluster: cluster })),
    ...watching.map((c) => ({ ...base, channelId: c.id, hookUrl: null, hookCluster: null })),
  ];
}

/**
 * Queues the body for every destination and wakes the delivery worker (starting it: hooks go out even with
 * REPLSCOPE_ALERTS=off). Returns a line for the run when it could not be queued (never throws).
 */
export async function notifyFailover(body: FailoverHookBody): Promise<string[]> {
  try {
    const rows = await rowsFor(body);
    await enqueueOutbox(rows);
    // Delivery is background work: it runs in the leader's term (runs execute on the leader), fenced like the rest.
    if (rows.length) inLeaderTerm(() => deliveryWorker().start());
    return [];
  } catch (e) {
    return [`${body.event} notifications could not be queued: ${(e as Error).message}`];
  }
}

/** Waits until each pre hook had its first attempt, at most PRE_WAIT_MS: a pre hook informs, it cannot stop the failover. */
export async function preHooksTried(failoverId: string, maxMs = PRE_WAIT_MS): Promise<void> {
  const key = `${failoverId}:failover.pre`;
  for (const end = Date.now() + maxMs; Date.now() < end; await sleep(50)) {
    const rows = (await outboxFor(outboxKey(failoverId))).filter((r) => r.idempotencyKey === key);
    if (rows.every((r) => r.attempts > 0)) return;
  }
}

type OutboxDelivery = Awaited<ReturnType<typeof outboxFor>>[number];

/** One failover notification as pages show it: never its URL's path or query (they can carry tokens), never a secret. */
export interface HookDelivery {
  failoverId: string;
  event: "pre" | "post";
  to: string;
  state: string;
  queuedAt: string;
}

function delivery(r: OutboxDelivery): HookDelivery {
  const state = r.deliveredAt ? `delivered${r.attempts > 1 ? ` (attempt ${r.attempts})` : ""}` : r.failedAt ? `failed (${r.lastError})` : r.attempts ? `retrying (${r.attempts} failed: ${r.lastError})` : "queued";
  return {
    failoverId: r.alertId.slice("failover:".length), event: r.idempotencyKey.endsWith(":failover.pre") ? "pre" : "post",
    to: r.hookUrl ? `hook ${hostOf(r.hookUrl)}` : `channel ${r.channel?.name ?? "(deleted)"}`, state, queuedAt: new Date(r.createdAt).toISOString(),
  };
}

/** One line per notification of the failover: which hook or channel, and delivered, retrying, failed or queued. */
export async function hookLines(failoverId: string): Promise<string[]> {
  return (await outboxFor(outboxKey(failoverId))).map(delivery).map((d) => `${d.event} ${d.to}: ${d.state}`);
}

/** The latest failover notifications of every failover, newest first (kept as long as the outbox keeps them). */
export async function recentHookDeliveries(limit = 20): Promise<HookDelivery[]> {
  return (await recentFailoverOutbox(limit)).map(delivery);
}
