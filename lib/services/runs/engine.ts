// The one durable run engine: executes a kind's steps in the background, stores every step's state, log and error as
// it goes, pauses or undoes on failure (up to the point of no return), stops and aborts on request.
import "server-only";
import type { Caller } from "@/lib/domain/auth";
import type { RunKindName, StoredRun, StoredStep } from "@/lib/domain/runs/record";
import { firstUndone, pastPointOfNoReturn, reachedPointOfNoReturn, stepsToUndo } from "@/lib/domain/runs/state";
import { env } from "@/lib/config/env";
import { instanceIdentity } from "@/lib/config/instance";
import { currentTerm, FencedError, runInTerm } from "@/lib/data/fence";
import * as requests from "@/lib/data/run-requests";
import { dbNowMs, readLease } from "@/lib/data/leadership";
import type { LeaderWait } from "@/lib/domain/runs/leader-wait";
import { leadership } from "../leader";
import type { Outcome } from "../servers";
import { baseContext, type UndoNote } from "./context";
import type { Prepared, RunKind, StepDef } from "./kind";
import { runWriter, type RunWriter } from "./writer";
import { type Handle, handles } from "./executing";

/** Runs this instance is aborting because another instance asked (so one tick does not start a second abort). */
const aborting = new Set<string>();
const now = () => new Date().toISOString();

const ponrOf = <C, P extends Prepared>(k: RunKind<C, P>) => k.steps.find((s) => s.pointOfNoReturn)?.id;
const nextDef = <C, P extends Prepared>(k: RunKind<C, P>, run: StoredRun): StepDef<C> | null => {
  const id = firstUndone(k.steps.map((s) => s.id), run.steps);
  return k.steps.find((s) => s.id === id) ?? null;
};
const stepOf = (run: StoredRun, id: string): StoredStep => {
  let s = run.steps.find((x) => x.id === id);
  if (!s) run.steps.push((s = { id, status: "pending", startedAt: null, finishedAt: null, log: [], error: null }));
  return s;
};

class StepFailed extends Error {}

async function prepareInto<C, P extends Prepared>(k: RunKind<C, P>, run: StoredRun, secrets: string[]): Promise<P> {
  const p = await k.prepare(run);
  secrets.push(...p.secrets.filter(Boolean));
  return p;
}

/** Runs every undo of the started steps (last first) on `step`'s log; returns what was and was not put back. */
async function undoSteps<C, P extends Prepared>(k: RunKind<C, P>, run: StoredRun, prepared: P, w: RunWriter, secrets: string[], caller: Caller): Promise<UndoNote[]> {
  const notes: UndoNote[] = [];
  const step = [...run.steps].reverse().find((s) => s.status !== "pending") ?? stepOf(run, k.steps[0].id);
  const ctx = k.context(baseContext({ k, run, step, w, secrets, caller, signal: new AbortController().signal, stop: () => false, notes }), prepared);
  for (const s of stepsToUndo(run.steps)) {
    const def = k.steps.find((d) => d.id === s.id);
    if (def?.undo) await def.undo(ctx).catch((e: Error) => notes.push({ text: w.clean(e.message), undone: false }));
  }
  if (step.status !== "pending") await w.step(step);
  return notes;
}

async function runOneStep<C, P extends Prepared>(k: RunKind<C, P>, run: StoredRun, def: StepDef<C>, h: Handle, w: RunWriter, secrets: string[], caller: Caller, prepared: { p: P | null }) {
  const step = stepOf(run, def.id);
  Object.assign(step, { status: "running", startedAt: now(), finishedAt: null, log: [], error: null });
  Object.assign(run, { status: "running", currentStep: def.id, error: null });
  await w.run({ status: "running", currentStep: def.id, error: null, state: run.state });
  await w.step(step);
  try {
    prepared.p ??= await prepareInto(k, run, secrets);
    const stop = () => h.stop && !reachedPointOfNoReturn(run.steps, ponrOf(k));
    await def.run(k.context(baseContext({ k, run, step, w, secrets, caller, signal: h.abort.signal, stop }), prepared.p));
    Object.assign(step, { status: "done", finishedAt: now() });
    await w.step(step);
  } catch (e) {
    const message = h.stop && k.policy === "pause" ? "Stopped by the user." : (e as Error).message;
    Object.assign(step, { status: "failed", finishedAt: now(), error: message });
    await w.step(step);
    throw new StepFailed(message);
  }
}

/** After a failure: a pausing run waits for a retry; an undoing run puts back what it can before its point of no return. */
async function fail<C, P extends Prepared>(k: RunKind<C, P>, run: StoredRun, e: Error, h: Handle, w: RunWriter, secrets: string[], caller: Caller, prepared: P | null) {
  const message = w.clean(e.message);
  if (k.policy === "pause") {
    run.status = "failed";
    return w.run({ status: "failed", error: message, state: run.state });
  }
  const canUndo = !pastPointOfNoReturn(run.steps, ponrOf(k), k.crossed?.(run.state) ?? false);
  const notes = canUndo && prepared ? await undoSteps(k, run, prepared, w, secrets, caller) : [];
  if (notes.length && k.undoneMarksSteps) for (const s of run.steps.filter((x) => x.status === "done")) await w.step(Object.assign(s, { status: "undone" as const }));
  const status = h.stop && canUndo ? "stopped" : "failed";
  const error = `${message}${notes.length ? ` Undone: ${notes.map((n) => n.text).join("; ")}.` : canUndo ? "" : " This is past the point of no return: nothing was undone; see where each server stands below."}`;
  run.status = status;
  await w.run({ status, error, state: run.state, extra: await k.hooks?.final?.(prepared, status) });
}

async function execute<C, P extends Prepared>(k: RunKind<C, P>, runId: string, all: boolean, h: Handle, caller: Caller): Promise<void> {
  const run = (await k.store.load(runId))!;
  const secrets: string[] = [];
  const w = runWriter(k.store, runId, secrets);
  const prepared: { p: P | null } = { p: null };
  try {
    await k.hooks?.begin?.(run);
    for (let def = nextDef(k, run); def; ) {
      if (h.stop && k.policy === "undo" && !pastPointOfNoReturn(run.steps, ponrOf(k), false)) throw new Error("Stopped by the user before the point of no return.");
      await runOneStep(k, run, def, h, w, secrets, caller, prepared);
      const next = nextDef(k, run);
      if (next && (!all || (h.stop && k.policy === "pause"))) {
        run.status = "waiting";
        return await w.run({ status: "waiting", currentStep: next.id, state: run.state });
      }
      def = next;
    }
    if (prepared.p) await k.hooks?.beforeDone?.(prepared.p);
    run.status = "done";
    await w.run({ status: "done", error: null, state: run.state, extra: await k.hooks?.final?.(prepared.p, "done") });
  } catch (e) {
    await fail(k, run, e as Error, h, w, secrets, caller, prepared.p).catch((err: Error) => console.error(`replscope: run ${runId} could not record its failure:`, err.message));
  } finally {
    await w.flush().catch(() => {});
    await k.hooks?.end?.(run, prepared.p, caller);
    await k.store.forgetSecret(runId, run.status).catch(() => {});
    await requests.finishRequest(runId, instanceIdentity().id).catch(() => {});
  }
}

/** Executes a run in this process (inside `term` when given: the leader's background work). */
function launch<C, P extends Prepared>(k: RunKind<C, P>, runId: string, all: boolean, caller: Caller) {
  const h: Handle = { stop: false, abort: new AbortController(), done: Promise.resolve() };
  h.done = execute(k, runId, all, h, caller).finally(() => handles.delete(runId));
  handles.set(runId, h);
}

/** Who executes runs requested here: this process (the leader, inside its term; SQLite or no lease loop: always), or
 *  nobody yet (another instance leads: the request waits for it). */
function executor(): { me: string } | null {
  const l = leadership();
  if (!l || env().backend.kind === "sqlite") return { me: instanceIdentity().id };
  return l.current && currentTerm()?.epoch === l.current.epoch ? { me: l.me.id } : null;
}

/**
 * Starts the run's next step (with `all`, every remaining one) in the background; refuses a run that is executing
 * or waiting. On the leader (and on SQLite) it starts now; on another instance it is stored for the leader, which
 * claims it within one lease tick (`queued`: true).
 */
export async function startRun<C, P extends Prepared>(k: RunKind<C, P>, runId: string, all: boolean, caller: Caller): Promise<Outcome<StoredRun> & { queued?: boolean }> {
  const run = await k.store.load(runId);
  if (!run) return { ok: false, status: 404, error: "No such run." };
  if (handles.has(runId)) return { ok: false, status: 409, error: "A step is running; wait for it or abort the run." };
  if (!nextDef(k, run)) return { ok: false, status: 409, error: "This run is complete." };
  const l = leadership();
  const term = l && env().backend.kind === "mysql" ? l.current : null;
  const start = async () => {
    const self = executor();
    const stored = await requests.storeRunRequest({ runId, kind: k.kind, all, actor: caller.actor, address: caller.address, requestedBy: instanceIdentity().id }, self?.me ?? null);
    if (!stored) return { ok: false as const, status: 409 as const, error: "A step is running or waiting for the leader; wait for it or abort the run." };
    if (self) launch(k, runId, all, caller);
    return { ok: true as const, value: run, queued: !self };
  };
  try {
    return await (term ? runInTerm(term, start) : start());
  } catch (e) {
    if (e instanceof FencedError) return { ok: false, status: 409, error: "This instance stopped leading while starting the run; try again." };
    throw e;
  }
}

/** The leader (inside its term) claims the runs other instances stored and executes each here; returns their ids. */
export async function claimQueuedRuns(kinds: Record<string, RunKind<never, Prepared>>, me: string): Promise<string[]> {
  const claimed: string[] = [];
  for (const r of await requests.unclaimedRequests()) {
    const k = kinds[r.kind];
    if (!k || handles.has(r.runId) || !(await requests.claimRequest(r.runId, me))) continue;
    launch(k, r.runId, r.all, { actor: r.actor, address: r.address });
    if (r.stopRequested) handles.get(r.runId)!.stop = true;
    claimed.push(r.runId);
  }
  return claimed;
}

/** The leader applies the stops other instances asked for to the runs it executes; returns their ids. */
export async function applyAskedStops(me: string): Promise<string[]> {
  const asked = (await requests.stopsAskedOf(me)).filter((id) => handles.has(id));
  for (const id of asked) handles.get(id)!.stop = true;
  return asked;
}

/** Asks a run to stop before its point of no return; null when accepted, else why not. A run executing on another
 *  instance (the leader) or waiting for it is asked through its request; the leader applies it on its next tick. */
export async function requestStop<C, P extends Prepared>(k: RunKind<C, P>, runId: string): Promise<"not running" | "past the point of no return" | null> {
  const run = await k.store.load(runId);
  const h = handles.get(runId);
  const elsewhere = h ? null : await requests.runRequest(runId);
  if (!run || (!h && !elsewhere)) return "not running";
  if (reachedPointOfNoReturn(run.steps, ponrOf(k))) return "past the point of no return";
  if (!h) return (await requests.askToStop(runId)) ? null : "not running";
  h.stop = true;
  return null;
}

/** What an abort did: undone and not undone steps; or, for a run executing on the leader, the leader it was sent to
 *  (which cancels the step and undoes the run within a lease tick; the run page shows the outcome). */
export interface AbortResult {
  run: StoredRun;
  undone: string[];
  notUndone: string[];
  forwardedTo?: string;
}

/** Aborts runs executing here that another instance asked to abort, through `abort` (the kind's audited abort), each
 *  for the caller who asked (not awaited: the tick goes on; the abort runs inside the leader's term like the run
 *  itself). Returns their ids. */
export async function applyAskedAborts(me: string, abort: (runId: string, kind: RunKindName, caller: Caller) => Promise<unknown>): Promise<string[]> {
  const asked = (await requests.abortsAskedOf(me)).filter((a) => handles.has(a.runId) && !aborting.has(a.runId));
  for (const a of asked) {
    aborting.add(a.runId);
    void abort(a.runId, a.kind, { actor: a.actor, address: a.address })
      .catch((e: Error) => console.error(`replscope: abort of run ${a.runId} failed:`, e.message))
      .finally(() => aborting.delete(a.runId));
  }
  return asked.map((a) => a.runId);
}

/** Cancels an executing step, waits for it, then undoes every started step and marks the run aborted. */
export async function abortRun<C, P extends Prepared>(k: RunKind<C, P>, runId: string, caller: Caller): Promise<Outcome<AbortResult>> {
  const before = await k.store.load(runId);
  if (!before) return { ok: false, status: 404, error: "No such run." };
  if (before.status === "done" || before.status === "aborted" || before.status === "stopped") return { ok: false, status: 409, error: before.status === "done" ? "This run is complete." : "This run was aborted; start a new one." };
  const h = handles.get(runId);
  const elsewhere = h ? null : await requests.runRequest(runId);
  if (elsewhere?.claimedBy && elsewhere.claimedBy !== instanceIdentity().id) {
    if (await requests.askToAbort(runId, caller)) return { ok: true, value: { run: before, undone: [], notUndone: [], forwardedTo: elsewhere.claimedBy } };
    return { ok: false, status: 409, error: "The run's step on the leader has just ended: abort it again." };
  }
  if (elsewhere && !(await requests.withdrawUnclaimed(runId))) return { ok: false, status: 409, error: "The leader has just taken this run; abort it again on the leader." };
  if (h) {
    h.stop = true;
    h.abort.abort();
    await h.done;
  }
  const run = (await k.store.load(runId))!;
  const secrets: string[] = [];
  const w = runWriter(k.store, runId, secrets);
  let notes: UndoNote[];
  try {
    notes = await undoSteps(k, run, await prepareInto(k, run, secrets), w, secrets, caller);
  } catch (e) {
    notes = [{ text: w.clean(`Could not connect to undo anything: ${(e as Error).message}`), undone: false }];
  }
  const [undone, notUndone] = [notes.filter((n) => n.undone).map((n) => n.text), notes.filter((n) => !n.undone).map((n) => n.text)];
  await w.run({ status: "aborted", error: notUndone.length ? `Not undone: ${notUndone.join(" ")}` : null });
  await w.flush();
  await k.store.forgetSecret(runId, "aborted");
  return { ok: true, value: { run: (await k.store.load(runId))!, undone, notUndone } };
}

/** True while the run executes on any instance or waits for the leader. */
export const isInFlight = async (runId: string) => handles.has(runId) || !!(await requests.runRequest(runId));

/** While the run waits for the leader to claim it (requested on another instance): since when, and who leads; else null. */
export async function leaderWait(runId: string): Promise<LeaderWait | null> {
  if (handles.has(runId)) return null;
  const r = await requests.runRequest(runId);
  if (!r || r.claimedBy !== null) return null;
  const lease = await readLease(await dbNowMs()).catch(() => null);
  return { waitingSeconds: Math.max(0, Math.round((Date.now() - r.createdAt) / 1000)), leader: lease?.live ? lease.holder : null };
}

/** Waits until the run stops executing in this process (tests and scripts). */
export async function settled(runId: string): Promise<void> {
  while (handles.has(runId)) await handles.get(runId)!.done;
}
