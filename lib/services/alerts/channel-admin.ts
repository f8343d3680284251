// Notification channels for admins: create, change, delete, test; secrets are sealed on write and never returned.
import "server-only";
import * as data from "@/lib/data/alert-channels";
import { open, seal } from "@/lib/data/secret-box";
import { env } from "@/lib/config/env";
import { type ChannelInput, channelInput, channelPatch } from "@/lib/domain/alerts/input";
import { webhookBody } from "@/lib/domain/alerts/format";
import type { Severity } from "@/lib/domain/alerts/types";
import type { Caller } from "@/lib/domain/auth";
import { fieldErrorsOf } from "@/lib/domain/server-input";
import type { ZodError } from "zod";
import type { Outcome } from "../servers";
import { logChange } from "../audit-log";
import { type ResolvedChannel, sendTo, type SmtpSettings } from "./channels";

/** A channel as the API returns it: no secret, only whether one is set. */
export interface AlertChannelView {
  id: string;
  name: string;
  kind: ResolvedChannel["kind"];
  url: string | null;
  hasSecret: boolean;
  smtp: (SmtpSettings & { hasPassword: boolean }) | null;
  to: string[];
  minSeverity: Severity;
  clusters: string[];
  lastResult: "ok" | "error" | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

/** The result of "send test notification". */
export interface ChannelTestResult {
  ok: boolean;
  detail: string;
}

const parseList = (text: string | null): string[] => (text ? (JSON.parse(text) as string[]) : []);
const smtpOf = (row: data.ChannelRow): SmtpSettings | null => (row.smtp ? (JSON.parse(row.smtp) as SmtpSettings) : null);
const toList = (row: data.ChannelRow) => (row.to ? row.to.split(",").filter(Boolean) : []);

/** The API view of a stored channel. */
export function channelView(row: data.ChannelRow): AlertChannelView {
  const smtp = smtpOf(row);
  return {
    id: row.id, name: row.name, kind: row.kind as AlertChannelView["kind"], url: row.url, hasSecret: !!row.secretEnc,
    smtp: smtp ? { ...smtp, hasPassword: !!row.smtpPasswordEnc } : null, to: toList(row),
    minSeverity: row.minSeverity as Severity, clusters: parseList(row.clusters),
    lastResult: row.lastResult as AlertChannelView["lastResult"], lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  };
}

/** A stored channel with its secrets opened, for sending (a secret that no longer opens is treated as unset). */
export function resolveChannel(row: data.ChannelRow): ResolvedChannel {
  const tryOpen = (s: string | null) => {
    try {
      return s ? open(s) : null;
    } catch {
      return null;
    }
  };
  const smtp = smtpOf(row);
  return {
    id: row.id, name: row.name, kind: row.kind as ResolvedChannel["kind"], url: row.url, secret: tryOpen(row.secretEnc),
    smtp: smtp ? { ...smtp, password: tryOpen(row.smtpPasswordEnc) } : null, to: toList(row),
    minSeverity: row.minSeverity as Severity, clusters: parseList(row.clusters),
  };
}

/** Every channel, for the settings page and GET /api/alert-channels. */
export async function listAlertChannels(): Promise<AlertChannelView[]> {
  return (await data.listChannels()).map(channelView);
}

const invalid = (e: ZodError) => ({ ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(e) }) as const;
const notFound = { ok: false, status: 404, error: "No such alert channel." } as const;
const nameTaken = { ok: false as const, status: 409 as const, error: "A channel with this name exists.", fieldErrors: { name: ["Already used by another channel"] } };

function smtpColumns(smtp: ChannelInput["smtp"]) {
  if (!smtp) return { smtp: null };
  const settings: SmtpSettings = { host: smtp.host, port: smtp.port, tls: smtp.tls, user: smtp.user ?? null, from: smtp.from };
  return { smtp: JSON.stringify(settings) };
}

/** Creates a channel (admin); the webhook secret and SMTP password are sealed. */
export async function createAlertChannel(raw: unknown, caller?: Caller): Promise<Outcome<AlertChannelView>> {
  const parsed = channelInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  if (await data.findChannelByName(v.name)) return nameTaken;
  const row = await data.insertChannel({
    name: v.name, kind: v.kind, url: v.kind === "email" ? null : v.url ?? null, secretEnc: v.secret ? seal(v.secret) : null,
    ...smtpColumns(v.kind === "email" ? v.smtp : null), smtpPasswordEnc: v.kind === "email" && v.smtp?.password ? seal(v.smtp.password) : null,
    to: v.kind === "email" ? (v.to ?? []).join(",") : null, minSeverity: v.minSeverity, clusters: JSON.stringify(v.clusters),
  });
  await logChange(caller, "alert-channel.create", `created ${v.kind} alert channel ${v.name}`);
  return { ok: true, value: channelView(row) };
}

/** Changes a channel (admin): omitted fields are kept; `secret: null` or `""` removes the secret. */
export async function updateAlertChannel(id: string, raw: unknown, caller?: Caller): Promise<Outcome<AlertChannelView>> {
  const row = await data.findChannel(id);
  if (!row) return notFound;
  const parsed = channelPatch.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  if (v.name && v.name !== row.name && (await data.findChannelByName(v.name))) return nameTaken;
  const next: Partial<data.ChannelWrite> = {};
  if (v.name !== undefined) next.name = v.name;
  if (v.url !== undefined && row.kind !== "email") next.url = v.url ?? null;
  if (v.secret !== undefined) next.secretEnc = v.secret ? seal(v.secret) : null;
  if (v.smtp !== undefined && row.kind === "email") {
    Object.assign(next, smtpColumns(v.smtp));
    if (v.smtp?.password !== undefined) next.smtpPasswordEnc = v.smtp?.password ? seal(v.smtp.password) : null;
  }
  if (v.to !== undefined && row.kind === "email") next.to = (v.to ?? []).join(",");
  if (v.minSeverity !== undefined) next.minSeverity = v.minSeverity;
  if (v.clusters !== undefined) next.clusters = JSON.stringify(v.clusters);
  if (row.kind !== "email" && next.url === null) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: { url: ["URL is required"] } };
  const updated = await data.updateChannel(id, next);
  await logChange(caller, "alert-channel.update", `changed alert channel ${updated.name} (${Object.keys(next).map((k) => k.replace(/Enc$/, "")).join(", ") || "nothing"})`);
  return { ok: true, value: channelView(updated) };
}

/** Deletes a channel and its pending notifications (admin). */
export async function deleteAlertChannel(id: string, caller?: Caller): Promise<Outcome<{ deleted: true }>> {
  const row = await data.findChannel(id);
  if (!row) return notFound;
  await data.deleteChannel(id);
  await logChange(caller, "alert-channel.delete", `deleted alert channel ${row.name}`);
  return { ok: true, value: { deleted: true } };
}

/** Sends a test notification now (not through the outbox) and records the result on the channel. */
export async function testAlertChannel(id: string, caller?: Caller): Promise<Outcome<ChannelTestResult>> {
  const row = await data.findChannel(id);
  if (!row) return notFound;
  const now = Date.now() / 1000;
  const alert = {
    id: "test", serverId: "test", channel: "", code: "ReplicationBroken" as const, severity: "critical" as const, message: "Test notification from replscope: no action needed.",
    state: "firing" as const, since: now, firedAt: now, resolvedAt: null, missingSince: null, silenced: false, acknowledgedBy: null, acknowledgedAt: null, notified: null, lastNotifiedAt: null, lastFiringNotifiedAt: null, seq: 0,
  };
  const body = webhookBody(alert, { name: "replscope-test", host: "127.0.0.1", port: 3306, cluster: null }, "firing", env().REPLSCOPE_PUBLIC_URL);
  const r = await sendTo(resolveChannel(row), { bodyJson: JSON.stringify(body), idempotencyKey: `test:${Date.now()}`, timeoutMs: env().REPLSCOPE_ALERT_TIMEOUT_MS });
  const ok = r.kind === "delivered";
  await data.recordChannelResult(id, ok, ok ? null : r.detail);
  await logChange(caller, "alert-channel.test", `sent a test notification to alert channel ${row.name}`, { error: ok ? null : r.detail });
  return { ok: true, value: { ok, detail: r.detail } };
}
