"use server";
// Server actions for failovers: start one from a dead source (validated against the live group).
import { redirect } from "next/navigation";
import { startFailover } from "@/lib/services/failover";
import { callerOf, guard } from "@/lib/services/session";

/** What the failover form shows after submitting. */
export interface FailoverFormState {
  error?: string;
}

/** Starts a failover of the dead `sourceId` and opens its live page. */
export async function startFailoverAction(sourceId: string, _prev: FailoverFormState, form: FormData): Promise<FailoverFormState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await startFailover(sourceId, Object.fromEntries(form), callerOf(g));
  if (!r.ok) return { error: r.error };
  redirect(`/failovers/${r.value.id}`);
}
