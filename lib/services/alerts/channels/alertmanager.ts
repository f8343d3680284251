// Prometheus Alertmanager: POST {url}/api/v2/alerts with one alert (endsAt set on resolve).
import "server-only";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import { alertmanagerAlert, type WebhookBody } from "@/lib/domain/alerts/format";
import { postJson } from "./http";
import type { Outgoing, ResolvedChannel } from "./types";

/** The alerts endpoint under an Alertmanager base URL. */
export const alertsEndpoint = (base: string) => `${base.replace(/\/+$/, "")}/api/v2/alerts`;

/** Sends one notification to Alertmanager. */
export function sendAlertmanager(c: ResolvedChannel, n: Outgoing): Promise<AttemptResult> {
  const body = JSON.stringify([alertmanagerAlert(JSON.parse(n.bodyJson) as WebhookBody, c.name)]);
  return postJson(alertsEndpoint(c.url!), body, {}, n.timeoutMs);
}
