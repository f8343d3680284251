"use server";
// Server actions for planned switchovers: start (validated against the live topology) and stop.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startSwitchover, stopSwitchover } from "@/lib/services/switchover";
import { callerOf, guard } from "@/lib/services/session";

/** What the switchover form shows after submitting. */
export interface SwitchoverFormState {
  error?: string;
}

/** Starts a switchover of `sourceId` and opens its live page. */
export async function startSwitchoverAction(sourceId: string, _prev: SwitchoverFormState, form: FormData): Promise<SwitchoverFormState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await startSwitchover(sourceId, Object.fromEntries(form), callerOf(g));
  if (!r.ok) return { error: r.error };
  redirect(`/switchovers/${r.value.id}`);
}

/** Asks a running switchover to stop (refused past the point of no return). */
export async function stopSwitchoverAction(id: string): Promise<{ error?: string }> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await stopSwitchover(id, callerOf(g));
  revalidatePath(`/switchovers/${id}`);
  return r.ok ? {} : { error: r.error };
}
