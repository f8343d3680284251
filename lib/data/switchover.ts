// Switchover runs in replscope's own database: steps with their logs, the run's state, and the final report.
import "server-only";
import { pendingStep } from "@/lib/domain/runs/plan";
import { SWITCHOVER_PLAN, type SwitchoverStepId } from "@/lib/domain/switchover/plan";
import { maskDeep, maskText } from "@/lib/domain/secret-mask";
import { db } from "./db";
import { switchoverSecrets } from "./masking";
import { open, seal } from "./secret-box";

/** A step's stored state. */
export interface SwitchoverStep {
  id: SwitchoverStepId;
  label: string;
  status: "pending" | "running" | "done" | "failed" | "undone";
  startedAt: string | null;
  finishedAt: string | null;
  log: { at: string; on?: string; text: string; ms?: number; error?: string }[];
  error: string | null;
}

/** Where one server stands after the run (or when it failed). */
export interface Standing {
  name: string;
  role: "old source" | "new source" | "sibling";
  standing: string;
}

/** A run as the UI and API see it (the replication password never leaves the server). */
export interface SwitchoverRecord {
  id: string;
  sourceId: string;
  candidateId: string;
  actor: string;
  status: "running" | "done" | "failed" | "stopped" | "interrupted";
  options: { replUser: string; siblingIds: string[]; catchUpSeconds: number; verifyCredentials: boolean };
  steps: SwitchoverStep[];
  state: Record<string, unknown>;
  report: Standing[] | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["switchoverRun"]["findUnique"]>>>;

function reshape(r: Row): SwitchoverRecord {
  return {
    id: r.id, sourceId: r.sourceId, candidateId: r.candidateId, actor: r.actor, status: r.status as SwitchoverRecord["status"],
    options: JSON.parse(r.options) as SwitchoverRecord["options"], steps: JSON.parse(r.steps) as SwitchoverStep[],
    state: JSON.parse(r.state) as SwitchoverRecord["state"], report: r.report ? (JSON.parse(r.report) as Standing[]) : null,
    error: r.error, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** Creates a run unless the source already has one running (returns that one's id instead). */
export async function createSwitchover(sourceId: string, candidateId: string, actor: string, options: SwitchoverRecord["options"], replPassword: string): Promise<{ run: SwitchoverRecord } | { activeId: string }> {
  return db().$transaction(async (tx) => {
    const active = await tx.switchoverRun.findFirst({ where: { sourceId, status: "running" } });
    if (active) return { activeId: active.id };
    const steps: SwitchoverStep[] = SWITCHOVER_PLAN.steps.map(pendingStep);
    const row = await tx.switchoverRun.create({ data: { sourceId, candidateId, actor, status: "running", options: JSON.stringify(options), secretEnc: seal(replPassword), steps: JSON.stringify(steps) } });
    return { run: reshape(row) };
  });
}

/** One run, or null. */
export async function findSwitchover(id: string): Promise<SwitchoverRecord | null> {
  const r = await db().switchoverRun.findUnique({ where: { id } });
  return r ? reshape(r) : null;
}

/** The newest runs, for a server's page. */
export async function listSwitchovers(sourceOrCandidateId?: string, take = 20): Promise<SwitchoverRecord[]> {
  const where = sourceOrCandidateId ? { OR: [{ sourceId: sourceOrCandidateId }, { candidateId: sourceOrCandidateId }] } : {};
  return (await db().switchoverRun.findMany({ where, orderBy: { createdAt: "desc" }, take })).map(reshape);
}

/** The replication password of a run (for the old source's CHANGE MASTER only). */
export async function switchoverSecret(id: string): Promise<string> {
  const r = await db().switchoverRun.findUniqueOrThrow({ where: { id } });
  return open(r.secretEnc);
}

/** Forgets the run's replication password once the run has ended (it is needed only while it runs). */
export async function forgetSwitchoverSecret(id: string): Promise<void> {
  await db().switchoverRun.update({ where: { id }, data: { secretEnc: "" } });
}

/** Saves what changed; step logs, reports and the error are masked (the run's secrets, password clauses). */
export async function saveSwitchover(id: string, patch: Partial<Pick<SwitchoverRecord, "status" | "steps" | "state" | "report" | "error">>): Promise<void> {
  const data: Record<string, string | null> = {};
  const secrets = patch.steps || patch.report || patch.error ? await switchoverSecrets(id) : [];
  if (patch.status) data.status = patch.status;
  if (patch.steps) data.steps = JSON.stringify(maskDeep(patch.steps, secrets));
  if (patch.state) data.state = JSON.stringify(patch.state);
  if (patch.report !== undefined) data.report = patch.report ? JSON.stringify(maskDeep(patch.report, secrets)) : null;
  if (patch.error !== undefined) data.error = patch.error === null ? null : maskText(patch.error, secrets);
  await db().switchoverRun.update({ where: { id }, data });
}
