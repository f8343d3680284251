// Runs a bootstrap run's steps one at a time, durably: each step's state, log and undo notes are stored as it goes.
import "server-only";
import * as store from "@/lib/data/bootstrap";
import { findServer } from "@/lib/data/servers";
import { STEP_IDS, type StepId } from "@/lib/domain/bootstrap/plan";
import { nextStep, refusal, type RunAction } from "@/lib/domain/bootstrap/run-state";
import type { Outcome } from "../servers";
import type { Caller } from "@/lib/domain/auth";
import { failureText, logChange } from "../audit-log";
import { executors, loadRunServer, type LogLine, type StepContext } from "./context";
import { STEPS } from "./steps";

const API: Caller = { actor: "api", address: null };

const g = globalThis as unknown as { replscopeRuns?: Map<string, { abort: AbortController; done: Promise<void> }> };
const live = (g.replscopeRuns ??= new Map());

async function execute(run: store.RunRecord, stepId: StepId, continueAll: boolean, abort: AbortController, caller: Caller): Promise<void> {
  const log: LogLine[] = [];
  const push = (l: Omit<LogLine, "at">) => log.push({ at: new Date().toISOString(), ...l });
  const undo = { ...run.undo };
  await store.updateRun(run.id, { status: "running", currentStep: stepId, error: null });
  await store.saveStep(run.id, stepId, { status: "running", startedAt: new Date(), finishedAt: null, log: [], error: null });
  try {
    const [source, target] = await Promise.all([loadRunServer(await findServer(run.sourceId), "source"), loadRunServer(await findServer(run.targetId), "target")]);
    const replPassword = await store.runSecret(run.id);
    const ex = executors(run, { source, target }, [replPassword, source.target.password, target.target.password], push, caller);
    const ctx: StepContext = { run, replPassword, source, target, signal: abort.signal, undo, log: push, ...ex, setProgress: (p) => void store.updateRun(run.id, { progress: p }).catch(() => {}), saveUndo: () => store.updateRun(run.id, { undo }) };
    await STEPS[stepId](ctx);
    await store.saveStep(run.id, stepId, { status: "done", finishedAt: new Date(), log });
    const last = stepId === STEP_IDS[STEP_IDS.length - 1];
    await store.updateRun(run.id, { status: last ? "done" : "waiting", undo, currentStep: last ? stepId : STEP_IDS[STEP_IDS.indexOf(stepId) + 1] });
    if (!last && continueAll) {
      const next = await store.findRun(run.id);
      if (next && !abort.signal.aborted) await execute(next, STEP_IDS[STEP_IDS.indexOf(stepId) + 1], true, abort, caller);
    }
  } catch (e) {
    const message = abort.signal.aborted ? "Stopped by the user." : (e as Error).message;
    await store.saveStep(run.id, stepId, { status: "failed", finishedAt: new Date(), log, error: message });
    await store.updateRun(run.id, { status: "failed", undo, error: message });
  }
}

/** Starts the next step (and, with `all`, the ones after it) in the background; returns the run as it now stands. */
/** `caller` names who asked, for the audit trail (the request and every statement the steps run). */
export async function act(runId: string, action: "advance" | "retry", all = false, caller: Caller = API): Promise<Outcome<store.RunRecord>> {
  const r = await startStep(runId, action, all, caller);
  await logChange(caller, `bootstrap.${action}`, `${action}${all ? " (all steps)" : ""} run ${runId}${r.ok ? `: step ${r.value.currentStep}` : ""}`, { serverId: r.ok ? r.value.targetId : null, error: failureText(r) });
  return r;
}

async function startStep(runId: string, action: "advance" | "retry", all: boolean, caller: Caller): Promise<Outcome<store.RunRecord>> {
  const run = await store.findRun(runId);
  if (!run) return { ok: false, status: 404, error: "No such run." };
  const why = live.has(runId) ? "A step is running; wait for it or abort the run." : refusal(run.status, action as RunAction);
  if (why) return { ok: false, status: 409, error: why };
  const step = nextStep(run.steps);
  if (!step) return { ok: false, status: 409, error: "This run is complete." };
  const abort = new AbortController();
  const done = execute(run, step, all, abort, caller).finally(() => live.delete(runId));
  live.set(runId, { abort, done });
  await new Promise((r) => setTimeout(r, 50));
  return { ok: true, value: (await store.findRun(runId))! };
}

/** Stops a running step (a copy is cancelled and its lock released), waits for it, then undoes what can be undone. */
export async function abortRun(runId: string, caller: Caller = API): Promise<Outcome<{ run: store.RunRecord; undone: string[]; notUndone: string[] }>> {
  const r = await abortAndUndo(runId, caller);
  await logChange(caller, "bootstrap.abort", `abort run ${runId}${r.ok ? `: undone ${r.value.undone.length}, not undone ${r.value.notUndone.length}` : ""}`, { serverId: r.ok ? r.value.run.targetId : null, error: failureText(r) });
  return r;
}

async function abortAndUndo(runId: string, caller: Caller): Promise<Outcome<{ run: store.RunRecord; undone: string[]; notUndone: string[] }>> {
  const run = await store.findRun(runId);
  if (!run) return { ok: false, status: 404, error: "No such run." };
  if (run.status === "done" || run.status === "aborted") return { ok: false, status: 409, error: refusal(run.status, "abort")! };
  const running = live.get(runId);
  if (running) {
    running.abort.abort();
    await running.done;
  }
  const { undoRun } = await import("./undo");
  const fresh = (await store.findRun(runId))!;
  const report = await undoRun(fresh, caller);
  await store.updateRun(runId, { status: "aborted", error: report.notUndone.length ? `Not undone: ${report.notUndone.join(" ")}` : null });
  return { ok: true, value: { run: (await store.findRun(runId))!, ...report } };
}

/** Waits for a run's current step (tests and scripts). */
export async function settled(runId: string): Promise<void> {
  while (live.has(runId)) await live.get(runId)!.done;
}
