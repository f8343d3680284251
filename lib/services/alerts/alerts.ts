// Alerts, silences and `for` rules for the API and pages: views with server names, acknowledge, silence, override.
import "server-only";
import * as data from "@/lib/data/alerts";
import { listServers } from "@/lib/data/servers";
import { acknowledge } from "@/lib/domain/alerts/lifecycle";
import { forRuleInput, silenceInput } from "@/lib/domain/alerts/input";
import { PROBLEM_CODES } from "@/lib/domain/alerts/rules";
import type { AlertLifecycle, ForRule, Severity } from "@/lib/domain/alerts/types";
import type { Caller } from "@/lib/domain/auth";
import { fieldErrorsOf } from "@/lib/domain/server-input";
import { z } from "zod";
import type { Outcome } from "../servers";
import { logChange } from "../audit-log";
import { alertEngine } from "./engine";

export type { AlertView, SilenceView } from "@/lib/domain/alerts/views";
import type { AlertView, SilenceView } from "@/lib/domain/alerts/views";

const iso = (t: number | null) => (t === null ? null : new Date(t * 1000).toISOString());
const rank = (a: { state: AlertLifecycle; severity: Severity }) => (a.state === "firing" ? 0 : a.state === "pending" ? 2 : 4) + (a.severity === "critical" ? 0 : 1);

/** How long a resolved alert is listed ("recently resolved"). */
const RECENT_SECONDS = 86_400;

/** Alerts, optionally of one state: firing worst first, then pending, then recently resolved; oldest first within each. */
export async function listAlerts(state?: AlertLifecycle): Promise<AlertView[]> {
  const [alerts, servers] = await Promise.all([data.loadAlerts(), listServers()]);
  const byId = new Map(servers.map((s) => [s.id, s]));
  const now = Date.now() / 1000;
  return alerts
    .filter((a) => (!state || a.state === state) && !(a.state === "resolved" && (a.resolvedAt ?? 0) < now - RECENT_SECONDS))
    .sort((a, b) => rank(a) - rank(b) || (a.state === "resolved" ? (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) : a.since - b.since))
    .map((a) => ({
      id: a.id, serverId: a.serverId, serverName: byId.get(a.serverId)?.name ?? a.serverId, cluster: byId.get(a.serverId)?.cluster ?? null, channel: a.channel,
      code: a.code, severity: a.severity, state: a.state, silenced: a.silenced, acknowledgedBy: a.acknowledgedBy,
      since: iso(a.since)!, firedAt: iso(a.firedAt), resolvedAt: iso(a.resolvedAt), message: a.message,
    }));
}

/** Acknowledges a pending or firing alert (operator): no repeats until it resolves; records who. */
export async function acknowledgeAlert(id: string, caller: Caller): Promise<Outcome<{ id: string; acknowledgedBy: string }>> {
  return alertEngine().serialize(async () => {
    const a = await data.findAlert(id);
    if (!a) return { ok: false, status: 404, error: "No such alert." } as const;
    if (a.state === "resolved") return { ok: false, status: 409, error: "This alert has already resolved." } as const;
    const acked = acknowledge(a, caller.actor, Date.now() / 1000);
    await data.setAcknowledged(id, acked.acknowledgedBy!, acked.acknowledgedAt!);
    await logChange(caller, "alert.ack", `acknowledged ${a.code} on ${a.serverId}${a.channel ? ` (channel ${a.channel})` : ""}`, { serverId: a.serverId });
    return { ok: true, value: { id, acknowledgedBy: caller.actor } };
  });
}

/** Every silence (active first, then ended ones), with the silenced server's name. */
export async function listSilenceViews(): Promise<SilenceView[]> {
  const [rows, servers] = await Promise.all([data.listSilences(), listServers()]);
  const names = new Map(servers.map((s) => [s.id, s.name]));
  const now = Date.now();
  return rows
    .map((s) => ({
      id: s.id, serverId: s.serverId, serverName: s.serverId ? (names.get(s.serverId) ?? null) : null, cluster: s.cluster, code: s.code,
      endsAt: s.endsAt.toISOString(), reason: s.reason, createdBy: s.createdBy, createdAt: s.createdAt.toISOString(), active: s.endsAt.getTime() > now,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

const bad = (fieldErrors: Record<string, string[]>) => ({ ok: false as const, status: 400 as const, error: "Please correct the highlighted fields.", fieldErrors });

/** Creates a silence (operator): 400 without a reason or an end, or when it matches no registered server / known code. */
export async function createSilence(raw: unknown, caller: Caller): Promise<Outcome<SilenceView>> {
  const parsed = silenceInput.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const v = parsed.data;
  const endsAt = v.endsAt ? new Date(v.endsAt) : new Date(Date.now() + v.minutes! * 60_000);
  if (endsAt.getTime() <= Date.now()) return bad({ endsAt: ["The end time is in the past"] });
  if (v.code && !(PROBLEM_CODES as readonly string[]).includes(v.code)) return bad({ code: [`Unknown problem code; one of ${PROBLEM_CODES.join(", ")}`] });
  const servers = await listServers();
  const matching = servers.filter((s) => (!v.serverId || s.id === v.serverId) && (!v.cluster || s.cluster === v.cluster));
  if (!matching.length) return bad(v.serverId && !servers.some((s) => s.id === v.serverId) ? { serverId: ["No such server"] } : { cluster: ["This silence matches no registered server"] });
  const row = await data.insertSilence({ serverId: v.serverId ?? null, cluster: v.cluster ?? null, code: v.code ?? null, endsAt, reason: v.reason, createdBy: caller.actor });
  const what = [v.serverId && `server ${matching[0].name}`, v.cluster && `cluster ${v.cluster}`, v.code && `code ${v.code}`].filter(Boolean).join(", ");
  await logChange(caller, "silence.create", `silenced ${what} until ${endsAt.toISOString()}: ${v.reason}`, { serverId: v.serverId ?? null, serverName: v.serverId ? matching[0].name : null });
  return { ok: true, value: (await listSilenceViews()).find((s) => s.id === row.id)! };
}

/** Deletes a silence (operator). */
export async function removeSilence(id: string, caller: Caller): Promise<Outcome<{ deleted: true }>> {
  const row = await data.deleteSilence(id);
  if (!row) return { ok: false, status: 404, error: "No such silence." };
  await logChange(caller, "silence.delete", `removed the silence "${row.reason}"`, { serverId: row.serverId });
  return { ok: true, value: { deleted: true } };
}

/** The `for` overrides (GET /api/alert-rules). */
export async function listAlertRules(): Promise<ForRule[]> {
  return (await data.listForRules()).map(({ code, cluster, serverId, forSeconds }) => ({ code, cluster, serverId, forSeconds }));
}

/** Replaces the `for` overrides (admin). */
export async function replaceAlertRules(raw: unknown, caller: Caller): Promise<Outcome<{ rules: ForRule[] }>> {
  const parsed = z.object({ rules: z.array(forRuleInput).max(500) }).safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  await data.replaceForRules(parsed.data.rules);
  await logChange(caller, "alert-rules.replace", `set ${parsed.data.rules.length} alert \`for\` rule(s)`);
  return { ok: true, value: { rules: await listAlertRules() } };
}
