// Before the point of no return, a stopped or failed switchover puts back what its steps changed.
import "server-only";
import { readOnlyStatements, startReplicaStatement } from "@/lib/domain/dialect";
import type { SwitchoverContext } from "./context";

/** stop_replicas' undo: restart the replicas it stopped. */
export async function undoStopReplicas(ctx: SwitchoverContext): Promise<void> {
  for (const f of [ctx.candidate, ...ctx.siblings].filter((f) => ((ctx.state.stopped as string[] | undefined) ?? []).includes(f.record.id))) {
    await ctx.exec(f, startReplicaStatement(f.version)).then(() => ctx.undone(`replication restarted on ${f.record.name}`), (e: Error) => ctx.notUndone(`could not restart ${f.record.name}: ${e.message}`));
  }
}

/** source_read_only's undo: give the source its writes back (unless it was read-only before). */
export async function undoSourceReadOnly(ctx: SwitchoverContext): Promise<void> {
  if (ctx.state.sourceSetReadOnly && !ctx.state.sourceWasReadOnly) {
    for (const sql of readOnlyStatements(ctx.source.version, false)) await ctx.exec(ctx.source, sql).catch((e: Error) => ctx.notUndone(`could not make ${ctx.source.record.name} writable: ${e.message}`));
    ctx.undone(`${ctx.source.record.name} is writable again`);
  }
}
