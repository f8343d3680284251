// The generic webhook: the JSON body as is, signed with HMAC-SHA256 when the channel has a secret.
import "server-only";
import { createHmac } from "node:crypto";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import { postJson } from "./http";
import type { Outgoing, ResolvedChannel } from "./types";

/** The X-Replscope-Signature value of a body: "sha256=" + hex HMAC-SHA256 with the channel's secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Sends one notification to a webhook channel. */
export function sendWebhook(c: ResolvedChannel, n: Outgoing): Promise<AttemptResult> {
  const headers: Record<string, string> = { "Idempotency-Key": n.idempotencyKey };
  if (c.secret) headers["X-Replscope-Signature"] = signature(c.secret, n.bodyJson);
  return postJson(c.url!, n.bodyJson, headers, n.timeoutMs);
}
