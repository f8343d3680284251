"use server";
// Server actions for alerts: acknowledge, silences (operator), notification channels (admin), over lib/services/alerts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { channelFormToInput } from "@/lib/domain/alert-forms";
import * as channels from "@/lib/services/alerts/channel-admin";
import { callerOf, guard } from "@/lib/services/session";

const idSchema = z.string().min(1).max(64);
/** A record id from the page, or null when it cannot be one. */
const idOf = (v: unknown): string | null => {
  const r = idSchema.safeParse(v);
  return r.success ? r.data : null;
};
const BAD_ID = "Unknown id.";

/** What a one-click alert action answers (an ActionButton shows it). */
export interface AlertActionResult {
  done?: string;
  error?: string;
}

/** Operator: acknowledges a firing alert (no more repeats; the page shows who). */
export async function ackAlertAction(id: string): Promise<AlertActionResult> {
  return Promise.resolve({ error: `not wired yet: ${id}` });
}

/** What the silence forms show after submitting. */
export interface SilenceFormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  done?: string;
}

/** Operator: silences alerts by server, cluster and/or code until an end time or for some minutes, with a reason. */
export async function createSilenceAction(_prev: SilenceFormState, form: FormData): Promise<SilenceFormState> {
  return Promise.resolve({ error: `not wired yet: ${form.get("reason") as string}` });
}

/** Operator: ends a silence now. */
export async function expireSilenceAction(id: string): Promise<AlertActionResult> {
  return Promise.resolve({ error: `not wired yet: ${id}` });
}

/** What a channel form shows after submitting. */
export interface ChannelFormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  done?: string;
}

/** Admin: creates a channel (id null) or saves one (its kind cannot change); blank secrets keep the stored ones. */
export async function saveChannelAction(id: string | null, kind: string, _prev: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  if (id !== null && !idOf(id)) return { error: BAD_ID };
  const { kind: _kind, ...patch } = channelFormToInput(form, kind);
  const r = id ? await channels.updateAlertChannel(id, patch, callerOf(g)) : await channels.createAlertChannel({ ...patch, kind }, callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  revalidatePath("/settings/alerts");
  return { done: id ? `Saved ${r.value.name}.` : `Added ${r.value.name}.` };
}

/** Admin: deletes a channel (and what waits in its outbox). */
export async function deleteChannelAction(id: string): Promise<AlertActionResult> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  if (!idOf(id)) return { error: BAD_ID };
  const r = await channels.deleteAlertChannel(id, callerOf(g));
  if (!r.ok) return { error: r.error };
  revalidatePath("/settings/alerts");
  return { done: "Deleted." };
}

/** Admin: sends a test notification through a channel now; answers what the receiver said. */
export async function testChannelAction(id: string): Promise<{ ok: boolean; detail: string }> {
  const g = await guard("admin");
  if ("error" in g) return { ok: false, detail: g.error };
  if (!idOf(id)) return { ok: false, detail: BAD_ID };
  const r = await channels.testAlertChannel(id, callerOf(g));
  revalidatePath("/settings/alerts");
  return r.ok ? r.value : { ok: false, detail: r.error };
}
