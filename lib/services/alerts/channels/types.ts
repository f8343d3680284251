// A notification channel with its secrets opened, as the senders need it (server-side only).
import "server-only";
import type { Severity } from "@/lib/domain/alerts/types";

/** SMTP settings of an e-mail channel ("tls": implicit TLS, usually port 465; "starttls": upgrade, usually 587; "none": plain). */
export interface SmtpSettings {
  host: string;
  port: number;
  tls: "none" | "starttls" | "tls";
  user: string | null;
  from: string;
}

/** One channel, ready to send. */
export interface ResolvedChannel {
  id: string;
  name: string;
  kind: "webhook" | "slack" | "alertmanager" | "email";
  url: string | null;
  secret: string | null;
  smtp: (SmtpSettings & { password: string | null }) | null;
  to: string[];
  minSeverity: Severity;
  clusters: string[];
}

/** One notification to send: the generic body, its idempotency key, and the timeout of the attempt. */
export interface Outgoing {
  bodyJson: string;
  idempotencyKey: string;
  timeoutMs: number;
}
