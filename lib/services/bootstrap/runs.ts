// Creating runs (validated), the dry-run plan and runbook of a run.
import "server-only";
import type { LeaderWait } from "@/lib/domain/runs/leader-wait";
import type { Caller } from "@/lib/domain/auth";
import { describeInput } from "@/lib/domain/audit-text";
import { failureText, logChange } from "../audit-log";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import * as store from "@/lib/data/bootstrap";
import { findServer } from "@/lib/data/servers";
import { buildPlan, type PlanInput, runbook } from "@/lib/domain/bootstrap/plan";
import { maskSecrets } from "@/lib/domain/bootstrap/statements";
import { MASK } from "@/lib/domain/secret-mask";
import { noControlChars } from "@/lib/domain/control-chars";
import { fieldErrorsOf } from "@/lib/domain/server-input";
import { versionOf } from "@/lib/domain/dialect";
import type { Outcome } from "../servers";
import { underRunsLock } from "@/lib/data/runs";
import { heldBy } from "../runs/locks";

/** What starting a run takes (UI form and JSON API alike). */
export const runInputSchema = z.object({
  sourceId: z.string({ error: "Choose a source" }).min(1, "Choose a source"),
  targetId: z.string({ error: "Choose a target" }).min(1, "Choose a target"),
  replUser: noControlChars(z.string(), "The replication user").trim().min(1, "User is required").max(32, "At most 32 characters").default("replicator"),
  replHost: noControlChars(z.string(), "The host pattern").trim().min(1, "Host pattern is required").max(255).optional(),
  replPassword: noControlChars(z.string(), "The replication password").max(256).optional(),
  reuseUser: z.boolean().default(false),
  copyMode: z.enum(["auto", "lock", "snapshot", "existing", "clone"]).default("auto"),
  startFile: z.string().trim().max(255).optional(),
  startPos: z.coerce.number().int().min(4, "Positions start at 4").optional(),
  startGtid: z.string().trim().max(4000).optional(),
  useGtid: z.boolean().default(false),
  overwriteTarget: z.boolean().default(false),
  resetTarget: z.boolean().default(false),
});

/** A strong generated replication password (no quotes: easy to paste into a my.cnf or a shell). */
export const generatePassword = () => randomBytes(24).toString("base64url");

/** Validates and stores a new run (planned, nothing run yet); one active run per target. */
export async function createRun(raw: unknown, caller?: Caller): Promise<Outcome<store.RunRecord>> {
  const r = await validateAndStore(raw);
  await logChange(caller, "bootstrap.create", r.ok ? `planned run ${r.value.id}: ${describeInput(raw)}` : `plan a run: ${describeInput(raw)}`, { serverId: r.ok ? r.value.targetId : null, error: failureText(r) });
  return r;
}

async function validateAndStore(raw: unknown): Promise<Outcome<store.RunRecord>> {
  const p = runInputSchema.safeParse(raw);
  if (!p.success) return { ok: false, status: 400, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(p.error) };
  const i = p.data;
  if (i.sourceId === i.targetId) return { ok: false, status: 400, error: "A server cannot be its own replica.", fieldErrors: { targetId: ["Choose a server other than the source"] } };
  const [source, target] = await Promise.all([findServer(i.sourceId), findServer(i.targetId)]);
  if (!source || !target) return { ok: false, status: 404, error: "Source or target is not registered." };
  const startAt = i.startGtid ? { gtid: i.startGtid } : i.startFile && i.startPos ? { file: i.startFile, position: i.startPos } : undefined;
  if (i.copyMode === "existing" && !startAt) return { ok: false, status: 400, error: "Enter where the target's data stands: a binlog file and position, or a GTID set.", fieldErrors: { startFile: ["Enter a binlog file and position, or a GTID set"] } };
  const options: store.RunOptions = { replUser: i.replUser, replHost: i.replHost ?? target.host, reuseUser: i.reuseUser, copyMode: i.copyMode, overwriteTarget: i.overwriteTarget, resetTarget: i.resetTarget, startAt, useGtid: i.useGtid || (!!startAt && "gtid" in startAt) };
  const r = await underRunsLock(async () => {
    const busy = await heldBy([target.id]);
    return busy ? { busy } : store.createRun(source.id, target.id, options, i.replPassword || generatePassword());
  });
  if ("busy" in r) return { ok: false, status: 409, error: `${target.name}: ${r.busy}` };
  if ("activeRunId" in r) return { ok: false, status: 409, error: `${target.name} already has a run in progress (${r.activeRunId}); finish or abort it first.` };
  return { ok: true, value: r.run };
}

/** The dry run: every step's statements with passwords masked, and the same as a runbook. */
export async function planOf(run: store.RunRecord) {
  const [source, target] = await Promise.all([findServer(run.sourceId), findServer(run.targetId)]);
  const [sv, tv] = [source && versionOf(source), target && versionOf(target)];
  if (!source || !target || !sv || !tv) return null;
  const secret = (await store.keptRunSecret(run.id)) ?? MASK; // a finished run's password is forgotten: its plan shows the mask
  const input: PlanInput = {
    source: { host: source.host, port: source.port, user: source.user, version: sv }, target: { host: target.host, port: target.port, user: target.user, version: tv },
    replUser: run.options.replUser, replHost: run.options.replHost, replPassword: secret, reuseUser: run.options.reuseUser, resetTarget: run.options.resetTarget, lockForCopy: run.options.copyMode !== "snapshot", existingData: run.options.copyMode === "existing", clone: run.options.copyMode === "clone", useGtid: run.options.useGtid,
  };
  const steps = buildPlan(input).map((s) => ({ ...s, actions: s.actions.map((a) => ("sql" in a ? { ...a, sql: maskSecrets(a.sql, [secret]) } : a)) }));
  return { steps, runbook: runbook(input) };
}

/** What GET /api/bootstrap-runs/:id returns (and the run page starts from): the run and its dry-run plan. */
export interface RunResponse {
  run: store.RunRecord;
  plan: Awaited<ReturnType<typeof planOf>>;
  /** Requested on another instance and not yet claimed by the leader (null otherwise). */
  waitingForLeader: LeaderWait | null;
}
