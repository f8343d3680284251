// Bootstrap runs in replscope's own database: one active run per target, steps with their logs, undo notes.
import "server-only";
import { STEP_IDS, type StepId } from "@/lib/domain/bootstrap/plan";
import type { RunStatus, StepStatus } from "@/lib/domain/bootstrap/run-state";
import { maskDeep, maskText } from "@/lib/domain/secret-mask";
import { db } from "./db";
import { bootstrapSecrets } from "./masking";
import { open, seal } from "./secret-box";

/** What the user chose for a run (no secrets). */
export interface RunOptions {
  replUser: string;
  replHost: string;
  reuseUser: boolean;
  /** auto: the read lock only when non-transactional tables exist, else --single-transaction. */
  copyMode: "auto" | "lock" | "snapshot" | "existing" | "clone";
  /** "existing": where the data on the target stands (binlog coordinates or a GTID set). */
  startAt?: { file: string; position: number } | { gtid: string };
  /** Position the replica by GTID (MariaDB gtid_slave_pos, MySQL auto-position) instead of file and position. */
  useGtid: boolean;
  overwriteTarget: boolean;
  resetTarget: boolean;
}

/** A run as the UI and API see it (the replication password never leaves the server). */
export interface RunRecord {
  id: string;
  sourceId: string;
  targetId: string;
  status: RunStatus;
  currentStep: StepId;
  options: RunOptions;
  coordinates: { file: string; position: number } | null;
  progress: Record<string, unknown> | null;
  undo: Record<string, unknown>;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  steps: { stepId: StepId; status: StepStatus; startedAt: string | null; finishedAt: string | null; log: unknown[]; error: string | null }[];
}

const ACTIVE: RunStatus[] = ["planned", "running", "waiting", "failed", "interrupted"];
const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;
const loadRow = (id: string) => db().bootstrapRun.findUnique({ where: { id }, include: { steps: true } });

function reshapeRun(r: Row): RunRecord {
  return {
    id: r.id, sourceId: r.sourceId, targetId: r.targetId, status: r.status as RunStatus, currentStep: r.currentStep as StepId,
    options: parse(r.options, {} as RunOptions), coordinates: parse(r.coordinates, null), progress: parse(r.progress, null), undo: parse(r.undo, {}),
    error: r.error, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    steps: STEP_IDS.map((id) => {
      const s = r.steps.find((x) => x.stepId === id);
      return { stepId: id, status: (s?.status ?? "pending") as StepStatus, startedAt: s?.startedAt?.toISOString() ?? null, finishedAt: s?.finishedAt?.toISOString() ?? null, log: parse(s?.log ?? null, []), error: s?.error ?? null };
    }),
  };
}

/** Creates a run unless the target already has an active one (returns that one's id instead). */
export async function createRun(sourceId: string, targetId: string, options: RunOptions, replPassword: string): Promise<{ run: RunRecord } | { activeRunId: string }> {
  return db().$transaction(async (tx) => {
    const active = await tx.bootstrapRun.findFirst({ where: { targetId, status: { in: ACTIVE } } });
    if (active) return { activeRunId: active.id };
    const created = await tx.bootstrapRun.create({ data: { sourceId, targetId, status: "planned", currentStep: "preflight", options: JSON.stringify(options), secretEnc: seal(replPassword) } });
    return { run: reshapeRun({ ...created, steps: [] }) };
  });
}

/** One run, or null. */
export async function findRun(id: string): Promise<RunRecord | null> {
  const r = await loadRow(id);
  return r ? reshapeRun(r) : null;
}

/** Recent runs, newest first. */
export async function listRuns(take = 50): Promise<RunRecord[]> {
  return (await db().bootstrapRun.findMany({ include: { steps: true }, orderBy: { createdAt: "desc" }, take })).map(reshapeRun);
}

/** The replication password of a run (server side only). */
export async function runSecret(id: string): Promise<string> {
  const r = await db().bootstrapRun.findUniqueOrThrow({ where: { id } });
  return open(r.secretEnc);
}

/** The run's replication password, or null once it was forgotten (a done or aborted run), for showing its plan. */
export async function keptRunSecret(id: string): Promise<string | null> {
  const r = await db().bootstrapRun.findUniqueOrThrow({ where: { id }, select: { secretEnc: true } });
  return r.secretEnc ? open(r.secretEnc) : null;
}

/** Forgets the run's replication password once it is done or aborted (a failed, interrupted or waiting run keeps it: retrying a step needs it). */
export async function forgetRunSecret(id: string): Promise<void> {
  await db().bootstrapRun.update({ where: { id }, data: { secretEnc: "" } });
}

/** Updates run fields (JSON fields serialised here); the error is masked (the run's secrets, password clauses). */
export async function updateRun(id: string, patch: { status?: RunStatus; currentStep?: StepId; coordinates?: object | null; progress?: object | null; undo?: object; error?: string | null }) {
  const data: Record<string, unknown> = { ...patch };
  if (patch.error) data.error = maskText(patch.error, await bootstrapSecrets(id));
  for (const k of ["coordinates", "progress", "undo"] as const) if (k in patch) data[k] = patch[k] === null ? null : JSON.stringify(patch[k]);
  await db().bootstrapRun.update({ where: { id }, data });
}

/** Writes a step's state (creating its row on first use); its log and error are masked (the run's secrets, password clauses). */
export async function saveStep(runId: string, stepId: StepId, s: { status: StepStatus; startedAt?: Date; finishedAt?: Date | null; log?: unknown[]; error?: string | null }) {
  const secrets = s.log?.length || s.error ? await bootstrapSecrets(runId) : [];
  const data = { status: s.status, startedAt: s.startedAt, finishedAt: s.finishedAt, log: s.log ? JSON.stringify(maskDeep(s.log, secrets)) : undefined, error: s.error ? maskText(s.error, secrets) : s.error };
  await db().bootstrapStep.upsert({ where: { runId_stepId: { runId, stepId } }, create: { runId, stepId, ...data, log: data.log ?? "[]" }, update: data });
}
