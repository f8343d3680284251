// E-mail over SMTP (nodemailer): one plain-text message per notification, bounded by the attempt's timeout.
import "server-only";
import nodemailer from "nodemailer";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import { emailMessage, type WebhookBody } from "@/lib/domain/alerts/format";
import type { Outgoing, ResolvedChannel } from "./types";

/** SMTP reply codes: 5xx (including a refused login, 535) will not succeed on retry; 4xx and network errors may. */
function classify(e: unknown): AttemptResult {
  const err = e as Error & { responseCode?: number; code?: string };
  const detail = `SMTP: ${err.code === "EAUTH" ? "login refused" : err.code ?? "error"}: ${err.message}`;
  return err.responseCode && err.responseCode >= 500 ? { kind: "permanent", detail } : { kind: "retry", detail };
}

/** Sends one notification by e-mail. */
export async function sendEmail(c: ResolvedChannel, n: Outgoing): Promise<AttemptResult> {
  const s = c.smtp!;
  const transport = nodemailer.createTransport({
    host: s.host, port: s.port, secure: s.tls === "tls", ignoreTLS: s.tls === "none", requireTLS: s.tls === "starttls",
    auth: s.user ? { user: s.user, pass: s.password ?? "" } : undefined,
    connectionTimeout: n.timeoutMs, greetingTimeout: n.timeoutMs, socketTimeout: n.timeoutMs,
  });
  const { subject, text } = emailMessage(JSON.parse(n.bodyJson) as WebhookBody);
  try {
    const info = await transport.sendMail({ from: s.from, to: c.to, subject, text, headers: { "X-Replscope-Idempotency-Key": n.idempotencyKey } });
    return { kind: "delivered", detail: `SMTP: ${info.response}` };
  } catch (e) {
    return classify(e);
  } finally {
    transport.close();
  }
}
