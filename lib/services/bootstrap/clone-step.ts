// The copy step by MySQL CLONE: the recipient pulls the donor's data, restarts, and reports where it stands.
import "server-only";
import crypto from "node:crypto";
import { CLONE_DONOR_USER, cloneDonorStatements, cloneOutcome, cloneRunning, cloneStatements, cloneUnavailable } from "@/lib/domain/bootstrap/clone";
import { readCloneStatus } from "@/lib/mysql/clone";
import type { StepContext } from "./context";
import { dropCloneDonor } from "./undo";

const ALREADY_INSTALLED = 1125;
const RESTART_LOST = new Set([2013, 2006, 3707]);

/** Runs CLONE on the target with a temporary donor account on the source (random password, BACKUP_ADMIN; the
 *  source's stored password never goes to the target), waits for the target to come back, stores the coordinates (and
 *  GTIDs) it reports, and drops the donor account whatever happened (the copy step's undo drops it after a crash). */
export async function cloneCopy(ctx: StepContext): Promise<void> {
  const why = cloneUnavailable(ctx.source.version, ctx.target.version);
  if (why) throw new Error(why);
  const donor = { host: ctx.source.target.host, port: ctx.source.target.port, user: CLONE_DONOR_USER, password: crypto.randomBytes(24).toString("base64url") };
  const hostPattern = ctx.run.options.replHost;
  const [create, grant] = cloneDonorStatements(hostPattern, donor.password);
  await ctx.exec("source", create);
  ctx.undo.cloneDonor = { user: donor.user, host: hostPattern };
  await ctx.saveUndo();
  try {
    await ctx.exec("source", grant);
    await cloneWith(ctx, donor);
  } finally {
    await dropCloneDonor(ctx);
  }
}

async function cloneWith(ctx: StepContext, donor: { host: string; port: number; user: string; password: string }): Promise<void> {
  const [install, allow, clone] = cloneStatements(donor);
  await ctx.exec("target", install).catch((e) => {
    if ((e as { errno?: number }).errno !== ALREADY_INSTALLED) throw e;
  });
  await ctx.exec("target", allow);
  ctx.undo.copyStarted = true;
  await ctx.saveUndo();
  await ctx.exec("target", clone).catch((e) => {
    const errno = (e as { errno?: number }).errno ?? 0;
    if (!RESTART_LOST.has(errno) && !/lost connection|closed/i.test((e as Error).message)) throw e;
    ctx.log({ text: "The recipient restarts after the clone (its connection dropped, as expected); waiting for it." });
  });
  let row: Record<string, unknown> | undefined;
  for (let i = 0; i < 600 && !ctx.signal.aborted; i++) {
    row = await readCloneStatus(ctx.on("target"));
    if (row && !cloneRunning(row)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const outcome = cloneOutcome(row);
  if (!outcome.ok) throw new Error(outcome.error);
  ctx.undo.copied = true;
  ctx.undo.coordinates = { file: outcome.file, position: outcome.position };
  if (outcome.gtid && ctx.run.options.useGtid) ctx.undo.gtid = outcome.gtid;
  ctx.log({ text: `Clone completed at ${outcome.file}:${outcome.position}${outcome.gtid ? ` (GTIDs ${outcome.gtid})` : ""}` });
}
