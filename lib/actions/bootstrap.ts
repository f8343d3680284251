"use server";
// Server actions for the new-replica wizard: create a run, advance / retry / abort it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Caller } from "@/lib/domain/auth";
import type { FieldErrors } from "@/lib/domain/server-input";
import { abortRun, act } from "@/lib/services/bootstrap/engine";
import { forwardedText } from "@/lib/domain/runs/leader-wait";
import { createRun } from "@/lib/services/bootstrap/runs";
import { createServer } from "@/lib/services/servers";
import { callerOf, guard } from "@/lib/services/session";

/** Registers the target typed inline in the wizard; field errors come back under the inline fields' names. */
async function registerInlineTarget(text: (k: string) => string | undefined, caller: Caller): Promise<{ id: string } | RunFormState> {
  const r = await createServer({ name: text("newName"), host: text("newHost"), port: text("newPort") || undefined, user: text("newUser"), password: text("newPassword") ?? "" }, caller);
  if (r.ok) return { id: r.value.server.id };
  const fieldErrors = Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([k, v]) => [`new${k[0].toUpperCase()}${k.slice(1)}`, v]));
  return { error: `The new target could not be registered: ${r.error}`, fieldErrors };
}

/** The target select's value that means "register a new server here". */
const NEW_TARGET = "__new";

/** The wizard form's state after a submit. */
export interface RunFormState {
  error?: string;
  fieldErrors?: FieldErrors;
}

/** Creates a planned run from the form and opens it (nothing runs until the user advances). */
export async function createRunAction(_prev: RunFormState, form: FormData): Promise<RunFormState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  let targetId = text("targetId");
  if (targetId === NEW_TARGET) {
    const admin = await guard("admin");
    if ("error" in admin) return { error: `Registering a new server: ${admin.error}` };
    const inline = await registerInlineTarget(text, callerOf(g));
    if (!("id" in inline)) return inline;
    targetId = inline.id;
  }
  const r = await createRun({
    sourceId: text("sourceId"), targetId, replUser: text("replUser") || undefined, replHost: text("replHost") || undefined,
    replPassword: text("replPassword") || undefined, reuseUser: form.get("reuseUser") === "on", copyMode: text("copyMode") || undefined,
    overwriteTarget: form.get("overwriteTarget") === "on", resetTarget: form.get("resetTarget") === "on", useGtid: form.get("useGtid") === "on",
    startFile: text("startFile") || undefined, startPos: text("startPos") || undefined, startGtid: text("startGtid") || undefined,
  }, callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  redirect(`/replicas/runs/${r.value.id}`);
}

/** Runs the next step (or all remaining) of a run, or retries the failed one. */
export async function advanceRunAction(id: string, mode: "next" | "all" | "retry"): Promise<{ error?: string }> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await act(id, mode === "retry" ? "retry" : "advance", mode !== "next", callerOf(g));
  revalidatePath(`/replicas/runs/${id}`);
  return r.ok ? {} : { error: r.error };
}

/** Aborts a run and undoes what can be undone (a step executing on the leader: the abort is sent to it). */
export async function abortRunAction(id: string): Promise<{ error?: string; message?: string; undone?: string[]; notUndone?: string[] }> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await abortRun(id, callerOf(g));
  revalidatePath(`/replicas/runs/${id}`);
  if (r.ok && r.value.forwardedTo) return { message: forwardedText(r.value.forwardedTo) };
  return r.ok ? { undone: r.value.undone, notUndone: r.value.notUndone } : { error: r.error };
}
