// Validation of alert channel and silence input (pure): clear field errors for the API and the settings page.
import { z } from "zod";
import { SEVERITIES } from "./types";

const httpUrl = z.string().trim().max(2000).refine((v) => {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, "Must be an http:// or https:// URL");

const email = z.string().trim().regex(/^[^\s@<>,]+@[^\s@<>,]+$/, "Not an e-mail address");

/** SMTP settings as entered (password optional: omitted on update keeps the stored one). */
export const smtpInput = z.object({
  host: z.string().trim().min(1, "SMTP host is required").max(255),
  port: z.coerce.number().int().min(1).max(65535).default(587),
  tls: z.enum(["none", "starttls", "tls"]).default("starttls"),
  user: z.string().trim().max(255).nullish(),
  password: z.string().max(1024).nullish(),
  from: email,
});

const base = {
  name: z.string().trim().min(1, "Name is required").max(64),
  url: httpUrl.nullish(),
  secret: z.string().max(1024).nullish(),
  smtp: smtpInput.nullish(),
  to: z.union([email.transform((v) => [v]), z.array(email).max(50), z.string().transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean))]).nullish(),
  minSeverity: z.enum(SEVERITIES).default("warning"),
  clusters: z.array(z.string().trim().min(1).max(128)).max(100).default([]),
};

/** A new channel: kind-specific requirements checked (URL for HTTP kinds; SMTP and recipients for e-mail). */
export const channelInput = z
  .object({ ...base, kind: z.enum(["webhook", "slack", "alertmanager", "email"], { error: "Kind must be webhook, slack, alertmanager or email" }) })
  .superRefine((v, ctx) => {
    if (v.kind !== "email" && !v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "URL is required" });
    if (v.kind === "email" && !v.smtp) ctx.addIssue({ code: "custom", path: ["smtp"], message: "SMTP settings are required" });
    if (v.kind === "email" && !v.to?.length) ctx.addIssue({ code: "custom", path: ["to"], message: "At least one recipient is required" });
    if (v.to?.some((t) => !/^[^\s@<>,]+@[^\s@<>,]+$/.test(t))) ctx.addIssue({ code: "custom", path: ["to"], message: "Not an e-mail address" });
  });
export type ChannelInput = z.infer<typeof channelInput>;

/** A change to a channel: every field optional (the kind cannot change). */
export const channelPatch = z.object(base).partial().strict();
export type ChannelPatch = z.infer<typeof channelPatch>;

/** A new silence: what it matches, until when (endsAt or minutes), and why. */
export const silenceInput = z
  .object({
    serverId: z.string().trim().min(1).nullish(),
    cluster: z.string().trim().min(1).nullish(),
    code: z.string().trim().min(1).nullish(),
    endsAt: z.iso.datetime({ offset: true, error: "Must be an ISO 8601 time, e.g. 2026-01-01T12:00:00Z" }).nullish(),
    minutes: z.coerce.number().positive("Must be more than 0").max(525_600).nullish(),
    reason: z.string().trim().min(1, "A reason is required").max(500),
  }, { error: "A reason is required" })
  .superRefine((v, ctx) => {
    if (!v.endsAt && !v.minutes) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Give an end time (endsAt) or a duration (minutes)" });
    if (!v.serverId && !v.cluster && !v.code) ctx.addIssue({ code: "custom", path: ["serverId"], message: "Choose a server, a cluster and/or a problem code to silence" });
  });
export type SilenceInput = z.infer<typeof silenceInput>;

/** One `for` override as entered. */
export const forRuleInput = z.object({
  code: z.string().trim().min(1).nullish(),
  cluster: z.string().trim().min(1).nullish(),
  serverId: z.string().trim().min(1).nullish(),
  forSeconds: z.coerce.number().int().min(0).max(86_400),
});
