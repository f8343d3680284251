// Sends one notification through a channel of any kind.
import "server-only";
import type { AttemptResult } from "@/lib/domain/alerts/delivery";
import { sendAlertmanager } from "./alertmanager";
import { sendEmail } from "./email";
import { sendSlack } from "./slack";
import type { Outgoing, ResolvedChannel } from "./types";
import { sendWebhook } from "./webhook";

export type { Outgoing, ResolvedChannel, SmtpSettings } from "./types";

/** Sends through the channel's kind; never throws (failures come back as retry or permanent). */
export async function sendTo(c: ResolvedChannel, n: Outgoing): Promise<AttemptResult> {
  try {
    switch (c.kind) {
      case "webhook":
        return await sendWebhook(c, n);
      case "slack":
        return await sendSlack(c, n);
      case "alertmanager":
        return await sendAlertmanager(c, n);
      case "email":
        return await sendEmail(c, n);
    }
  } catch (e) {
    return { kind: "retry", detail: (e as Error).message };
  }
}
