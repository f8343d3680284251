"use server";
// Server actions for alerts: acknowledge, silences (operator), notification channels (admin), over lib/services/alerts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { channelFormToInput, silenceFormToInput } from "@/lib/domain/alert-forms";
import type { FieldErrors } from "@/lib/domain/server-input";
import * as alerts from "@/lib/services/alerts/alerts";
import * as channels from "@/lib/services/alerts/channel-admin";
import { callerOf, guard } from "@/lib/services/session";

/** What a one-click alert action answers (an ActionButton shows it). */
export interface AlertActionResult {
  done?: string;
  error?: string;
}

/** What the silence and channel forms show after submitting: a message, or an error with per-field errors. */
export interface AlertFormState {
  error?: string;
  fieldErrors?: FieldErrors;
  done?: string;
}
export type SilenceFormState = AlertFormState;
export type ChannelFormState = AlertFormState;

const idSchema = z.string().min(1).max(64);
/** A record id from the page, or null when it cannot be one. */
const idOf = (v: unknown): string | null => {
  const r = idSchema.safeParse(v);
  return r.success ? r.data : null;
};
const BAD_ID = "Unknown id.";

/** The caller (with `role`) and a valid record id, or the error to show: the start of every id-taking action. */
async function guardedId(role: "operator" | "admin", id: unknown): Promise<{ caller: ReturnType<typeof callerOf>; id: string } | { error: string }> {
  const g = await guard(role);
  if ("error" in g) return { error: g.error };
  const valid = idOf(id);
  return valid ? { caller: callerOf(g), id: valid } : { error: BAD_ID };
}

/** Operator: acknowledges a firing alert (no more repeats; the page shows who). */
export async function ackAlertAction(id: string): Promise<AlertActionResult> {
  const a = await guardedId("operator", id);
  if ("error" in a) return a;
  const r = await alerts.acknowledgeAlert(a.id, a.caller);
  if (!r.ok) return { error: r.error };
  revalidatePath("/alerts");
  return { done: `Acknowledged by ${r.value.acknowledgedBy}.` };
}

/** Operator: silences alerts by server, cluster and/or code until an end time or for some minutes, with a reason. */
export async function createSilenceAction(_prev: SilenceFormState, form: FormData): Promise<SilenceFormState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await alerts.createSilence(silenceFormToInput(form), callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  revalidatePath("/alerts");
  if (r.value.serverId) revalidatePath(`/servers/${r.value.serverId}`);
  return { done: `Silenced ${r.value.serverName ?? "the matching alerts"} until ${r.value.endsAt.slice(11, 16)} UTC.` };
}

/** Operator: ends a silence now (it is removed; the audit trail keeps it). */
export async function expireSilenceAction(id: string): Promise<AlertActionResult> {
  const a = await guardedId("operator", id);
  if ("error" in a) return a;
  const r = await alerts.removeSilence(a.id, a.caller);
  if (!r.ok) return { error: r.error };
  revalidatePath("/alerts");
  return { done: "Expired." };
}

/** Admin: creates a channel (id null) or saves one (its kind cannot change); blank secrets keep the stored ones. */
export async function saveChannelAction(id: string | null, kind: string, _prev: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const channelId = id === null ? null : idOf(id);
  if (id !== null && !channelId) return { error: BAD_ID };
  const fields = channelFormToInput(form, kind);
  const r = channelId ? await channels.updateAlertChannel(channelId, fields, callerOf(g)) : await channels.createAlertChannel({ ...fields, kind }, callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  revalidatePath("/settings/alerts");
  return { done: channelId ? `Saved ${r.value.name}.` : `Added ${r.value.name}.` };
}

/** Admin: deletes a channel (and what waits in its outbox). */
export async function deleteChannelAction(id: string): Promise<AlertActionResult> {
  const a = await guardedId("admin", id);
  if ("error" in a) return a;
  const r = await channels.deleteAlertChannel(a.id, a.caller);
  if (!r.ok) return { error: r.error };
  revalidatePath("/settings/alerts");
  return { done: "Deleted." };
}

/** Admin: sends a test notification through a channel now; answers what the receiver said. */
export async function testChannelAction(id: string): Promise<{ ok: boolean; detail: string }> {
  const a = await guardedId("admin", id);
  if ("error" in a) return { ok: false, detail: a.error };
  const r = await channels.testAlertChannel(a.id, a.caller);
  revalidatePath("/settings/alerts");
  return r.ok ? r.value : { ok: false, detail: r.error };
}
