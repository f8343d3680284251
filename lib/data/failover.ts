// Failover runs in replscope's own database: steps with their logs, the run's state, and the final report.
import "server-only";
import type { StoredStep } from "@/lib/domain/runs/record";
import type { RunStatus } from "@/lib/domain/runs/state";
import { FAILOVER_PLAN, type FailoverReport } from "@/lib/domain/failover/plan";
import { pendingStep } from "@/lib/domain/runs/plan";
import { maskDeep, maskText } from "@/lib/domain/secret-mask";
import { db } from "./db";

/** A step as stored and shown (label included). */
export type FailoverStep = StoredStep & { label: string };

/** A failover as the UI and API see it (no secrets: a failover stores none). */
export interface FailoverRecord {
  id: string;
  sourceId: string;
  candidateId: string;
  newSourceId: string | null;
  actor: string;
  auto: boolean;
  cluster: string | null;
  status: RunStatus;
  options: { replicaIds: string[]; sourceName: string; candidateName: string };
  steps: FailoverStep[];
  state: Record<string, unknown>;
  report: FailoverReport | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["failoverRun"]["findUnique"]>>>;

function reshape(r: Row): FailoverRecord {
  return {
    id: r.id, sourceId: r.sourceId, candidateId: r.candidateId, newSourceId: r.newSourceId, actor: r.actor, auto: r.auto, cluster: r.cluster, status: r.status as RunStatus,
    options: JSON.parse(r.options) as FailoverRecord["options"], steps: JSON.parse(r.steps) as FailoverStep[], state: JSON.parse(r.state) as Record<string, unknown>,
    report: r.report ? (JSON.parse(r.report) as FailoverReport) : null, error: r.error, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** What creating a failover needs. */
export interface NewFailover {
  sourceId: string;
  candidateId: string;
  actor: string;
  auto: boolean;
  cluster: string | null;
  options: FailoverRecord["options"];
}

/** Creates a run unless one is already running for this source or cluster (then returns that one's id). */
export async function createFailover(f: NewFailover): Promise<{ run: FailoverRecord } | { activeId: string }> {
  return db().$transaction(async (tx) => {
    const active = await tx.failoverRun.findFirst({ where: { status: { in: ["planned", "running"] }, OR: [{ sourceId: f.sourceId }, ...(f.cluster ? [{ cluster: f.cluster }] : [])] } });
    if (active) return { activeId: active.id };
    const steps: FailoverStep[] = FAILOVER_PLAN.steps.map(pendingStep);
    const row = await tx.failoverRun.create({ data: { sourceId: f.sourceId, candidateId: f.candidateId, actor: f.actor, auto: f.auto, cluster: f.cluster, status: "running", options: JSON.stringify(f.options), steps: JSON.stringify(steps) } });
    return { run: reshape(row) };
  });
}

/** One run, or null. */
export async function findFailover(id: string): Promise<FailoverRecord | null> {
  const r = await db().failoverRun.findUnique({ where: { id } });
  return r ? reshape(r) : null;
}

/** The newest runs (of a source, when given). */
export async function listFailovers(sourceId?: string, take = 20): Promise<FailoverRecord[]> {
  return (await db().failoverRun.findMany({ where: sourceId ? { sourceId } : {}, orderBy: { createdAt: "desc" }, take })).map(reshape);
}

/** Ids of the runs with this status. */
export async function failoverIdsWithStatus(status: RunStatus): Promise<string[]> {
  return (await db().failoverRun.findMany({ where: { status }, select: { id: true } })).map((r) => r.id);
}

/** The time of the cluster's last automatic failover (epoch seconds), or null. */
export async function lastAutoFailoverAt(cluster: string): Promise<number | null> {
  const r = await db().failoverRun.findFirst({ where: { cluster, auto: true }, orderBy: { createdAt: "desc" } });
  return r ? r.createdAt.getTime() / 1000 : null;
}

/** Saves what changed; logs, report and error are masked against `secrets`. */
export async function saveFailover(id: string, patch: Partial<Pick<FailoverRecord, "status" | "steps" | "state" | "report" | "error" | "newSourceId">>, secrets: string[] = []): Promise<void> {
  const data: Record<string, string | null> = {};
  if (patch.status) data.status = patch.status;
  if (patch.steps) data.steps = JSON.stringify(maskDeep(patch.steps, secrets));
  if (patch.state) data.state = JSON.stringify(patch.state);
  if (patch.report !== undefined) data.report = patch.report ? JSON.stringify(maskDeep(patch.report, secrets)) : null;
  if (patch.error !== undefined) data.error = patch.error === null ? null : maskText(patch.error, secrets);
  if (patch.newSourceId !== undefined) data.newSourceId = patch.newSourceId;
  await db().failoverRun.update({ where: { id }, data });
}

/** The old sources of finished failovers that were not rejoined yet (newest failover per source). */
export async function formerSourceList(): Promise<{ serverId: string; failoverId: string; newSourceName: string }[]> {
  const rows = await db().failoverRun.findMany({ where: { status: "done" }, orderBy: { createdAt: "desc" }, take: 200 });
  const seen = new Set<string>();
  const out: { serverId: string; failoverId: string; newSourceName: string }[] = [];
  for (const r of rows.map(reshape)) {
    if (seen.has(r.sourceId)) continue;
    seen.add(r.sourceId);
    if (r.state.rejoined !== true) out.push({ serverId: r.sourceId, failoverId: r.id, newSourceName: r.options.candidateName });
  }
  return out;
}
