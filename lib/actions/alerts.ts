"use server";
// Server actions for alerts: acknowledge, silences (operator), notification channels (admin). Wired to lib/services/alerts.

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

/** Admin: creates a channel (id null) or saves one; blank secrets keep the stored ones. */
export async function saveChannelAction(id: string | null, kind: string, _prev: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  return Promise.resolve({ error: `not wired yet: ${id ?? kind} ${form.get("name") as string}` });
}

/** Admin: deletes a channel (and what waits in its outbox). */
export async function deleteChannelAction(id: string): Promise<AlertActionResult> {
  return Promise.resolve({ error: `not wired yet: ${id}` });
}

/** Admin: sends a test notification through a channel now; answers what the receiver said. */
export async function testChannelAction(id: string): Promise<{ ok: boolean; detail: string }> {
  return Promise.resolve({ ok: false, detail: `not wired yet: ${id}` });
}
