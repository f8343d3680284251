"use server";
// Server actions for replication operations on one server: run a previewed, confirmed operation.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { operationSchema } from "@/lib/domain/operations/types";
import { runOperation } from "@/lib/services/operations";
import { callerOf, guard } from "@/lib/services/session";

/** What the confirmation dialog shows after running. */
export type OperationState = { ok: true; ran: string[]; after: string; settled: boolean } | { ok: false; error: string };

const confirmSchema = z.object({ serverName: z.string().max(200), statements: z.array(z.string().max(10_000)).max(20) });

/** Runs an operation the user previewed and confirmed by the server's name (operator role). */
export async function runOperationAction(serverId: string, op: unknown, confirm: unknown): Promise<OperationState> {
  const g = await guard("operator");
  if ("error" in g) return { ok: false, error: g.error };
  const o = operationSchema.safeParse(op);
  const c = confirmSchema.safeParse(confirm);
  if (!o.success || !c.success) return { ok: false, error: "Invalid operation." };
  const r = await runOperation(String(serverId), o.data, c.data, callerOf(g));
  revalidatePath(`/servers/${serverId}`);
  revalidatePath("/audit");
  return r.ok ? { ok: true, ran: r.value.ran, after: r.value.after, settled: r.value.settled } : { ok: false, error: r.error };
}
