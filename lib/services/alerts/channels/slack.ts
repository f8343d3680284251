// Slack-compatible incoming webhooks: readable text (server, problem, since, link).
import "server-only";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import { slackBody, type WebhookBody } from "@/lib/domain/alerts/format";
import { postJson } from "./http";
import type { Outgoing, ResolvedChannel } from "./types";

/** Sends one notification to a Slack-compatible channel. */
export function sendSlack(c: ResolvedChannel, n: Outgoing): Promise<AttemptResult> {
  const body = JSON.stringify(slackBody(JSON.parse(n.bodyJson) as WebhookBody));
  return postJson(c.url!, body, { "Idempotency-Key": n.idempotencyKey }, n.timeoutMs);
}
