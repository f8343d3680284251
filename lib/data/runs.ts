// Every kind of run behind one interface for the run engine: load, save a step, save the run, interrupted runs at
// startup, and which active run holds a server. Each kind keeps its own table (bootstrap.ts, switchover.ts).
import "server-only";
import type { RunKindName, RunPatch, StoredRun, StoredStep } from "@/lib/domain/runs/record";
import { interrupt, isActive, type RunStatus } from "@/lib/domain/runs/state";
import type { StepId } from "@/lib/domain/bootstrap/plan";
import type { RunStatus as BootstrapStatus } from "@/lib/domain/bootstrap/run-state";
import * as bootstrap from "./bootstrap";
import { instanceIdentity } from "@/lib/config/instance";
import { db } from "./db";
import { sqlFlavor } from "./sql-dialect";
import * as failover from "./failover";
import * as switchover from "./switchover";

/** How the engine reads and writes one kind of run. */
export interface RunStore {
  kind: RunKindName;
  load(id: string): Promise<StoredRun | null>;
  saveStep(runId: string, step: StoredStep): Promise<void>;
  saveRun(runId: string, patch: RunPatch): Promise<void>;
  /** The runs whose status is `running`, with the instance executing each (null: unknown). */
  running(): Promise<{ id: string; owner: string | null }[]>;
  /** Ids of the runs that hold any of `serverIds` while active (a cheap pre-filter; `load` then decides). */
  touching(serverIds: string[]): Promise<string[]>;
  /** The run's error after replscope stopped while it ran. */
  interruptedError: string;
  /** Forgets the run's sealed secret when `status` means it is no longer needed (see each store). */
  forgetSecret(runId: string, status: RunStatus): Promise<void>;
}

const fromBootstrap = (r: bootstrap.RunRecord): StoredRun => ({
  kind: "bootstrap", policy: "pause", id: r.id, status: r.status, currentStep: r.currentStep, state: r.undo, error: r.error, holds: [r.targetId],
  steps: r.steps.map((s) => ({ id: s.stepId, status: s.status, startedAt: s.startedAt, finishedAt: s.finishedAt, log: s.log as StoredStep["log"], error: s.error })),
});

const fromSwitchover = (r: switchover.SwitchoverRecord): StoredRun => ({
  kind: "switchover", policy: "undo", id: r.id, status: r.status, currentStep: r.steps.find((s) => s.status !== "done")?.id ?? null, state: r.state, error: r.error,
  holds: [r.sourceId, r.candidateId, ...r.options.siblingIds], steps: r.steps,
});

const date = (s: string | null | undefined) => (s ? new Date(s) : s === null ? null : undefined);

/** The wizard's runs (BootstrapRun + BootstrapStep rows). */
export const bootstrapStore: RunStore = {
  kind: "bootstrap",
  load: async (id) => {
    const r = await bootstrap.findRun(id);
    return r ? fromBootstrap(r) : null;
  },
  saveStep: (runId, s) => bootstrap.saveStep(runId, s.id as StepId, { status: s.status as bootstrap.RunRecord["steps"][number]["status"], startedAt: date(s.startedAt) ?? undefined, finishedAt: date(s.finishedAt), log: s.log, error: s.error }),
  saveRun: async (runId, p) => {
    await bootstrap.updateRun(runId, { status: p.status as BootstrapStatus | undefined, currentStep: p.currentStep as StepId | undefined, undo: p.state, error: p.error });
    if (p.status === "running") await db().bootstrapRun.update({ where: { id: runId }, data: { owner: instanceIdentity().id } });
  },
  running: () => db().bootstrapRun.findMany({ where: { status: "running" }, select: { id: true, owner: true } }),
  touching: async (ids) => (await db().bootstrapRun.findMany({ where: { targetId: { in: ids }, status: { notIn: ["done", "aborted"] } }, select: { id: true } })).map((r) => r.id),
  interruptedError: "replscope stopped while a step ran; database connections were closed, so no lock remains on the source. Retry the step or abort the run.",
  // Kept while the run can still be retried (failed, interrupted, waiting); forgotten once it is done or aborted.
  forgetSecret: async (runId, status) => (status === "done" || status === "aborted" ? bootstrap.forgetRunSecret(runId) : undefined),
};

/** Switchovers (one SwitchoverRun row, steps as JSON). */
export const switchoverStore: RunStore = {
  kind: "switchover",
  load: async (id) => {
    const r = await switchover.findSwitchover(id);
    return r ? fromSwitchover(r) : null;
  },
  saveStep: async (runId, step) => {
    const r = await switchover.findSwitchover(runId);
    if (r) await switchover.saveSwitchover(runId, { steps: r.steps.map((s) => (s.id === step.id ? { ...s, ...step, id: s.id } : s)) });
  },
  saveRun: async (runId, p) => {
    await switchover.saveSwitchover(runId, {
      ...(p.status ? { status: p.status as switchover.SwitchoverRecord["status"] } : {}), ...(p.state ? { state: p.state } : {}), ...(p.error !== undefined ? { error: p.error } : {}),
      ...(p.extra && "report" in p.extra ? { report: p.extra.report as switchover.Standing[] | null } : {}),
    });
    if (p.status === "running") await db().switchoverRun.update({ where: { id: runId }, data: { owner: instanceIdentity().id } });
  },
  running: () => db().switchoverRun.findMany({ where: { status: "running" }, select: { id: true, owner: true } }),
  touching: async () => (await db().switchoverRun.findMany({ where: { status: "running" }, select: { id: true } })).map((r) => r.id),
  interruptedError: "replscope stopped during this switchover: check each server's state on its page before doing anything else.",
  // A switchover is never resumed: its password is forgotten as soon as it is no longer running.
  forgetSecret: async (runId, status) => (status !== "running" ? switchover.forgetSwitchoverSecret(runId) : undefined),
};

const fromFailover = (r: failover.FailoverRecord): StoredRun => ({
  kind: "failover", policy: "undo", id: r.id, status: r.status, currentStep: r.steps.find((s) => s.status !== "done")?.id ?? null, state: r.state, error: r.error,
  holds: [r.sourceId, r.candidateId, ...r.options.replicaIds], steps: r.steps,
});

/** Failovers (one FailoverRun row, steps as JSON); never resumed: an interrupted one is reported for a human. */
export const failoverStore: RunStore = {
  kind: "failover",
  load: async (id) => {
    const r = await failover.findFailover(id);
    return r ? fromFailover(r) : null;
  },
  saveStep: async (runId, step) => {
    const r = await failover.findFailover(runId);
    if (r) await failover.saveFailover(runId, { steps: r.steps.map((s) => (s.id === step.id ? { ...s, ...step, id: s.id, label: s.label } : s)) });
  },
  saveRun: async (runId, p) => {
    if (p.status === "running") await db().failoverRun.update({ where: { id: runId }, data: { owner: instanceIdentity().id } });
    await failover.saveFailover(runId, {
      ...(p.status ? { status: p.status } : {}), ...(p.state ? { state: p.state } : {}), ...(p.error !== undefined ? { error: p.error } : {}),
      ...(p.extra && "report" in p.extra ? { report: p.extra.report as failover.FailoverRecord["report"] } : {}),
      ...(p.extra && "newSourceId" in p.extra ? { newSourceId: p.extra.newSourceId as string | null } : {}),
    });
  },
  running: () => db().failoverRun.findMany({ where: { status: "running" }, select: { id: true, owner: true } }),
  touching: () => failover.failoverIdsWithStatus("running"),
  interruptedError: "replscope stopped during this failover; it is not resumed (a second promotion could split the data). Check each server's state on its page: if the promote step did not start, nothing was promoted and a new failover may be started.",
  forgetSecret: () => Promise.resolve(),
};

/** Every kind's store. */
export const RUN_STORES: Record<RunKindName, RunStore> = { bootstrap: bootstrapStore, switchover: switchoverStore, failover: failoverStore };

/**
 * Runs of every kind left "running" by a stopped instance become "interrupted" (their running step failed): the
 * leader calls it with `orphaned` true for runs whose owner is no live instance (default: every running run).
 */
export async function markRunsInterrupted(orphaned: (owner: string | null, runId: string) => boolean = () => true): Promise<Record<RunKindName, number>> {
  const counts = { bootstrap: 0, switchover: 0, failover: 0 };
  const at = new Date().toISOString();
  for (const store of Object.values(RUN_STORES)) {
    for (const { id, owner } of await store.running()) {
      if (!orphaned(owner, id)) continue;
      const run = await store.load(id);
      if (!run) continue;
      const after = interrupt(run.steps, at);
      for (const [i, s] of after.entries()) if (s !== run.steps[i]) await store.saveStep(id, s);
      await store.saveRun(id, { status: "interrupted", error: store.interruptedError });
      await store.forgetSecret(id, "interrupted");
      counts[store.kind]++;
    }
  }
  return counts;
}

/** The active run (any kind) that holds one of these servers, or null; `executing`: only a run whose step runs now. */
export async function runHolding(serverIds: string[], opts: { executing?: boolean; except?: string } = {}): Promise<StoredRun | null> {
  for (const store of Object.values(RUN_STORES)) {
    for (const id of await store.touching(serverIds)) {
      if (id === opts.except) continue;
      const run = await store.load(id);
      const active = run && (opts.executing ? run.status === "running" : isActive(run.status, run.policy));
      if (active && run.holds.some((h) => serverIds.includes(h))) return run;
    }
  }
  return null;
}

const local = globalThis as unknown as { replscopeRunsMutex?: Promise<void> };

/**
 * Runs `fn` (check which runs hold the servers, then create or start one) while no other request of any instance
 * does the same: a process-wide queue, and on MySQL also GET_LOCK('replscope_runs') held by a transaction's
 * connection, so one-active-run-per-server holds across instances.
 */
export async function underRunsLock<T>(fn: () => Promise<T>): Promise<T> {
  const prev = local.replscopeRunsMutex ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  local.replscopeRunsMutex = prev.then(() => mine);
  await prev;
  try {
    if (sqlFlavor() === "sqlite") return await fn();
    return await db().$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ got: number | bigint | null }[]>("SELECT GET_LOCK('replscope_runs', 30) AS got");
      if (Number(row?.got) !== 1) throw new Error("Another instance is starting a run; try again.");
      try {
        return await fn();
      } finally {
        await tx.$queryRawUnsafe("SELECT RELEASE_LOCK('replscope_runs')");
      }
    }, { timeout: 120_000 });
  } finally {
    release();
  }
}
