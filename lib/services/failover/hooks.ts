// Pre/post-failover notifications: the alert channels that watch the cluster, and the cluster's signed hook URLs.
import "server-only";
import { createHmac } from "node:crypto";
import { listChannels } from "@/lib/data/alert-channels";
import { clusterSetting, hookSecret } from "@/lib/data/cluster-settings";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import type { FailoverHookBody } from "@/lib/domain/failover/hooks";
import { resolveChannel } from "../alerts/channel-admin";
import { sendTo } from "../alerts/channels";
import { postJson } from "../alerts/channels/http";

const TIMEOUT_MS = 5000;

/** X-Replscope-Signature of a hook body: "sha256=" + hex HMAC-SHA256 with the cluster's secret (as the webhook channel). */
export const hookSignature = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** Sends the body to every hook URL and matching alert channel; returns one line per destination (never throws). */
export async function notifyFailover(body: FailoverHookBody): Promise<string[]> {
  const json = JSON.stringify(body);
  const key = `${body.failoverId}:${body.event}`;
  const lines: string[] = [];
  const cluster = body.cluster ?? "";
  const [setting, secret, channels] = await Promise.all([clusterSetting(cluster), hookSecret(cluster).catch(() => ""), listChannels().catch(() => [])]);
  for (const url of setting.hookUrls) {
    const headers: Record<string, string> = { "Idempotency-Key": key, ...(secret ? { "X-Replscope-Signature": hookSignature(secret, json) } : {}) };
    const r = await postJson(url, json, headers, TIMEOUT_MS).catch((e: Error): AttemptResult => ({ kind: "permanent", detail: e.message }));
    lines.push(`hook ${new URL(url).host}: ${r.kind === "delivered" ? "delivered" : `failed (${r.detail})`}`);
  }
  for (const row of channels) {
    const c = resolveChannel(row);
    if (c.clusters.length && !c.clusters.includes(cluster)) continue;
    const r = await sendTo(c, { bodyJson: json, idempotencyKey: key, timeoutMs: TIMEOUT_MS }).catch((e: Error): AttemptResult => ({ kind: "permanent", detail: e.message }));
    lines.push(`channel ${c.name}: ${r.kind === "delivered" ? "delivered" : `failed (${r.detail})`}`);
  }
  return lines;
}
