// The wizard's actions on the shared run engine: advance or retry steps in the background, abort with undo.
import "server-only";
import * as store from "@/lib/data/bootstrap";
import { nextStep, refusal } from "@/lib/domain/bootstrap/run-state";
import type { Outcome } from "../servers";
import type { Caller } from "@/lib/domain/auth";
import { failureText, logChange } from "../audit-log";
import * as engine from "../runs/engine";
import { underRunsLock } from "@/lib/data/runs";
import { heldBy } from "../runs/locks";
import { BOOTSTRAP } from "./kind";

const API: Caller = { actor: "api", address: null };

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
  const why = (await engine.isInFlight(runId)) ? "A step is running or waiting for the leader; wait for it or abort the run." : refusal(run.status, action);
  if (why) return { ok: false, status: 409, error: why };
  if (!nextStep(run.steps)) return { ok: false, status: 409, error: "This run is complete." };
  const started = await underRunsLock(async () => {
    const busy = await heldBy([run.targetId], runId);
    return busy ? { ok: false as const, status: 409 as const, error: busy } : engine.startRun(BOOTSTRAP, runId, all, caller);
  });
  if (!started.ok) return started;
  await new Promise((r) => setTimeout(r, 50));
  return { ok: true, value: (await store.findRun(runId))! };
}

/** Stops a running step (a copy is cancelled and its lock released), waits for it, then undoes what can be undone. */
export async function abortRun(runId: string, caller: Caller = API): Promise<Outcome<{ run: store.RunRecord; undone: string[]; notUndone: string[]; forwardedTo?: string }>> {
  const a = await engine.abortRun(BOOTSTRAP, runId, caller);
  const r: Outcome<{ run: store.RunRecord; undone: string[]; notUndone: string[]; forwardedTo?: string }> = a.ok ? { ok: true, value: { ...a.value, run: (await store.findRun(runId))! } } : a;
  // A forwarded abort is audited where it executes (the leader), with the same caller.
  if (r.ok && r.value.forwardedTo) return r;
  await logChange(caller, "bootstrap.abort", `abort run ${runId}${r.ok ? `: undone ${r.value.undone.length}, not undone ${r.value.notUndone.length}` : ""}`, { serverId: r.ok ? r.value.run.targetId : null, error: failureText(r) });
  return r;
}

/** Waits for a run's current step (tests and scripts). */
export const settled = engine.settled;
