// What notifications say (pure): the webhook body, Slack text, Alertmanager alerts and e-mail, from one payload.
import type { AlertState, Severity, Transition } from "./types";
import { SEVERITIES } from "./types";

/** The server an alert is about, as notifications name it. */
export interface AlertServer {
  name: string;
  host: string;
  port: number;
  cluster: string | null;
}

/** The generic webhook body (version 1), also stored in the outbox and formatted for the other channel kinds. */
export interface WebhookBody {
  version: 1;
  status: "firing" | "resolved";
  alert: {
    id: string; code: string; severity: Severity; serverId: string; serverName: string; host: string; port: number;
    cluster: string | null; channel: string; message: string; since: string; firedAt: string | null; resolvedAt: string | null;
  };
  dashboardUrl: string;
}

const iso = (t: number | null) => (t === null ? null : new Date(t * 1000).toISOString());

/** The link to the server's page (or the dashboard root when no public URL is configured: the path alone). */
export function serverUrl(publicUrl: string | undefined, serverId: string): string {
  return `${(publicUrl ?? "").replace(/\/+$/, "")}/servers/${encodeURIComponent(serverId)}`;
}

/** The webhook body of one notification. */
export function webhookBody(a: AlertState, s: AlertServer, t: Transition, publicUrl: string | undefined): WebhookBody {
  return {
    version: 1,
    status: t === "resolved" ? "resolved" : "firing",
    alert: {
      id: a.id, code: a.code, severity: a.severity, serverId: a.serverId, serverName: s.name, host: s.host, port: s.port, cluster: s.cluster,
      channel: a.channel, message: a.message, since: iso(a.since)!, firedAt: iso(a.firedAt), resolvedAt: t === "resolved" ? iso(a.resolvedAt) : null,
    },
    dashboardUrl: serverUrl(publicUrl, a.serverId),
  };
}

/** One line saying what happened, for chat and e-mail subjects. */
export function headline(b: WebhookBody): string {
  const where = `${b.alert.serverName}${b.alert.channel ? ` (channel ${b.alert.channel})` : ""}`;
  return b.status === "resolved" ? `RESOLVED ${b.alert.code} on ${where}` : `${b.alert.severity.toUpperCase()} ${b.alert.code} on ${where}`;
}

/** The readable text of a notification: what, where, since when, and the link. */
export function plainText(b: WebhookBody): string {
  const a = b.alert;
  return [
    headline(b),
    a.message,
    `Server: ${a.serverName} (${a.host}:${a.port})${a.cluster ? `, cluster ${a.cluster}` : ""}`,
    `Since: ${a.since}${a.resolvedAt ? `, resolved ${a.resolvedAt}` : ""}`,
    b.dashboardUrl,
  ].join("\n");
}

/** A Slack-compatible incoming-webhook body. */
export function slackBody(b: WebhookBody): { text: string } {
  const [first, ...rest] = plainText(b).split("\n");
  return { text: `*${first}*\n${rest.join("\n")}` };
}

/** One alert in Alertmanager's API v2 shape (POST /api/v2/alerts takes an array of these). */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL: string;
}

/** The Alertmanager alert of a notification: endsAt only on resolve (Alertmanager keeps firing ones until resolve_timeout). */
export function alertmanagerAlert(b: WebhookBody, channelName: string): AlertmanagerAlert {
  const a = b.alert;
  const labels: Record<string, string> = { alertname: a.code, severity: a.severity, server: a.serverName, channel: channelName, replication_channel: a.channel };
  if (a.cluster) labels.cluster = a.cluster;
  return {
    labels,
    annotations: { summary: headline(b), description: a.message, since: a.since },
    startsAt: a.firedAt ?? a.since,
    ...(b.status === "resolved" ? { endsAt: a.resolvedAt ?? new Date().toISOString() } : {}),
    generatorURL: b.dashboardUrl,
  };
}

/** The e-mail of a notification: subject and plain-text body. */
export function emailMessage(b: WebhookBody): { subject: string; text: string } {
  return { subject: `[replscope] ${headline(b)}`, text: plainText(b) };
}

/** True when a channel with these filters wants this alert (severity at least `minSeverity`; cluster in the list, if any). */
export function channelWants(filters: { minSeverity: Severity; clusters: string[] }, severity: Severity, cluster: string | null): boolean {
  if (SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(filters.minSeverity)) return false;
  return filters.clusters.length === 0 || (cluster !== null && filters.clusters.includes(cluster));
}
