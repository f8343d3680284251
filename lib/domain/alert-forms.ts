// Form fields of the alerts pages → the JSON the alerts API accepts (pure): channels and silences.

/** Notification channel kinds. */
export const CHANNEL_KINDS = ["webhook", "slack", "alertmanager", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What each kind is called on the settings page. */
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  webhook: "Webhook (JSON, signed)",
  slack: "Slack-compatible",
  alertmanager: "Prometheus Alertmanager",
  email: "E-mail (SMTP)",
};

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const optional = (form: FormData, name: string): string | undefined => text(form, name) || undefined;

/** Splits "a, b ,c" into ["a", "b", "c"] (empty entries dropped). */
export const splitList = (v: string): string[] => v.split(",").map((s) => s.trim()).filter(Boolean);

/**
 * A channel form as the API's update body (add `kind` to create). Write-only secrets (webhook secret, SMTP password)
 * are sent only when typed: a blank field keeps the stored one. `kind` says which of the form's fields belong to it.
 */
export function channelFormToInput(form: FormData, kind: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: text(form, "name"),
    minSeverity: text(form, "minSeverity") || "warning",
    clusters: splitList(text(form, "clusters")),
  };
  if (kind === "webhook" || kind === "slack" || kind === "alertmanager") body.url = text(form, "url");
  if (kind === "webhook" && optional(form, "secret")) body.secret = text(form, "secret");
  if (kind === "email") {
    const port = text(form, "smtpPort");
    body.smtp = {
      host: text(form, "smtpHost"),
      port: port === "" ? undefined : Number(port),
      tls: text(form, "smtpTls") || "starttls",
      user: optional(form, "smtpUser"),
      from: text(form, "smtpFrom"),
      ...(optional(form, "smtpPassword") ? { password: text(form, "smtpPassword") } : {}),
    };
    body.to = splitList(text(form, "to"));
  }
  return body;
}

/** A silence form as the API's body: the matchers set, an end time (ISO) when given, else a duration in minutes. */
export function silenceFormToInput(form: FormData): Record<string, unknown> {
  const endsAt = optional(form, "endsAt");
  const minutes = text(form, "minutes");
  return {
    serverId: optional(form, "serverId"),
    cluster: optional(form, "cluster"),
    code: optional(form, "code"),
    ...(endsAt ? { endsAt } : minutes ? { minutes: Number(minutes) } : {}),
    reason: text(form, "reason"),
  };
}
