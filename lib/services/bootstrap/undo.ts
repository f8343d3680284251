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

/** Drops the clone's temporary donor account from the source, if one was made and not dropped yet. */
export async function dropCloneDonor(ctx: StepContext): Promise<void> {
  const donor = ctx.undo.cloneDonor as { user: string; host: string } | undefined;
  if (!donor) return;
  try {
    await ctx.exec("source", dropUserStatement(donor.user, donor.host));
    delete ctx.undo.cloneDonor;
    await ctx.saveUndo();
    ctx.log({ text: `Temporary clone donor account ${donor.user}@${donor.host} dropped from ${ctx.source.record.name}.` });
  } catch (e) {
    ctx.log({ text: `Could not drop the temporary clone donor account ${donor.user}@${donor.host} on ${ctx.source.record.name}; drop it by hand.`, error: (e as Error).message });
  }
}

/** The copy step's undo: a clone donor account left by an interrupted clone is dropped; copied data is not dropped
 *  (it may be wanted); the user is told. */
export async function undoCopy(ctx: StepContext): Promise<void> {
  const donor = ctx.undo.cloneDonor as { user: string; host: string } | undefined;
  if (donor) {
    await dropCloneDonor(ctx);
    if (ctx.undo.cloneDonor) ctx.notUndone(`Could not drop the temporary clone donor account ${donor.user}@${donor.host} on ${ctx.source.record.name}: drop it by hand.`);
    else ctx.undone(`Temporary clone donor account ${donor.user}@${donor.host} dropped from ${ctx.source.record.name}.`);
  }
  if (ctx.undo.copyStarted) ctx.notUndone(`The data copied onto ${ctx.target.record.name} stays there; drop those databases by hand if the server should be empty again.`);
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
