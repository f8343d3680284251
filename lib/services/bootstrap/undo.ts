// Undo of an aborted run, one piece per step: reset the half-configured replica, drop the user we created; say what stays.
import "server-only";
import { dropUserStatement } from "@/lib/domain/bootstrap/statements";
import { resetReplicaStatements } from "@/lib/domain/dialect";
import type { StepContext } from "./context";

/** The point step's undo: the target forgets the source it was pointed at. */
export async function undoPoint(ctx: StepContext): Promise<void> {
  if (!ctx.undo.pointed) return;
  try {
    for (const sql of resetReplicaStatements(ctx.target.version)) await ctx.exec("target", sql);
    ctx.undone(`Replication configuration removed from ${ctx.target.record.name}.`);
  } catch (e) {
    ctx.notUndone(`Could not reset replication on ${ctx.target.record.name}: ${(e as Error).message}`);
  }
}

/** The copy step's undo: copied data is not dropped (it may be wanted); the user is told. */
export function undoCopy(ctx: StepContext): Promise<void> {
  if (ctx.undo.copyStarted) ctx.notUndone(`The data copied onto ${ctx.target.record.name} stays there; drop those databases by hand if the server should be empty again.`);
  return Promise.resolve();
}

/** The replication user step's undo: drops the user it created (a reused user stays). */
export async function undoReplicationUser(ctx: StepContext): Promise<void> {
  const user = ctx.undo.createdUser as { user: string; host: string } | undefined;
  if (!user) return;
  try {
    await ctx.exec("source", dropUserStatement(user.user, user.host));
    ctx.undone(`Replication user ${user.user}@${user.host} dropped from ${ctx.source.record.name}.`);
  } catch (e) {
    ctx.notUndone(`Could not drop ${user.user}@${user.host} on ${ctx.source.record.name}: ${(e as Error).message}`);
  }
}
