// Any run (wizard, switchover, later failover) as a state machine: statuses, actions, the point of no return (pure).

/**
 * A run's state. `planned`: created, nothing run; `running`: a step executes now; `waiting`: a step finished and the next
 * waits to be advanced; `failed`: a step failed (a pausing run may retry it, an undoing run has ended); `interrupted`:
 * replscope stopped while a step ran; `stopped`: the user stopped it before the point of no return and it was undone;
 * `aborted`: the user gave it up (what could be undone was); `done`: every step finished.
 */
export type RunStatus = "planned" | "running" | "waiting" | "failed" | "interrupted" | "stopped" | "aborted" | "done";
/** A step's state; `undone`: it was done, then the run stopped and put back what it changed. */
export type StepStatus = "pending" | "running" | "done" | "failed" | "undone";
/** What a user can ask of a run. */
export type RunAction = "advance" | "retry" | "abort" | "stop";
/** What the engine does when a step fails: `pause` (keep what was done, the user retries or aborts) or `undo` (put back, end). */
export type FailurePolicy = "pause" | "undo";

/** A step as the state machine sees it. */
export interface StepState {
  id: string;
  status: StepStatus;
}

/** Which status may follow which (the engine and the startup check keep to this). */
export const TRANSITIONS: Record<RunStatus, RunStatus[]> = {
  planned: ["running", "aborted"],
  running: ["waiting", "failed", "stopped", "done", "interrupted"],
  waiting: ["running", "aborted"],
  failed: ["running", "aborted"],
  interrupted: ["running", "aborted"],
  stopped: [],
  aborted: [],
  done: [],
};

/** True when `to` may follow `from`. */
export const canMove = (from: RunStatus, to: RunStatus) => TRANSITIONS[from].includes(to);

/**
 * True while a run is unfinished and holds its servers. A pausing run (the wizard) holds them until it is done or
 * aborted, failed or interrupted included (it may be retried); an undoing run (a switchover) cannot be resumed, so a
 * failed or interrupted one holds nothing.
 */
export function isActive(status: RunStatus, policy: FailurePolicy): boolean {
  if (status === "planned" || status === "running" || status === "waiting") return true;
  return policy === "pause" && (status === "failed" || status === "interrupted");
}

/** The first step not done yet, or null when all are. */
export function firstUndone(order: readonly string[], steps: { stepId?: string; id?: string; status: string }[]): string | null {
  return order.find((id) => steps.find((s) => (s.stepId ?? s.id) === id)?.status !== "done") ?? null;
}

/** Why an action is refused now, or null when it is allowed. */
export function refusal(status: RunStatus, action: RunAction): string | null {
  if (action === "stop") return status === "running" ? null : "This run is not running.";
  if (status === "running") return "A step is running; wait for it or abort the run.";
  if (status === "done") return "This run is complete.";
  if (status === "aborted" || status === "stopped") return "This run was aborted; start a new one.";
  if (action === "advance" && (status === "failed" || status === "interrupted")) return "The last step did not finish: retry it or abort the run.";
  if (action === "retry" && status !== "failed" && status !== "interrupted") return "Nothing to retry: no step failed.";
  return null;
}

/** Index of the point of no return in `steps`, or -1 when the run has none. */
const noReturnIndex = (steps: StepState[], pointOfNoReturn: string | undefined) => (pointOfNoReturn ? steps.findIndex((s) => s.id === pointOfNoReturn) : -1);

/** True once the point of no return's step (or any after it) has started: a stop is refused from then on. */
export function reachedPointOfNoReturn(steps: StepState[], pointOfNoReturn: string | undefined): boolean {
  const p = noReturnIndex(steps, pointOfNoReturn);
  return p >= 0 && steps.some((s, i) => i >= p && s.status !== "pending");
}

/**
 * True once the run cannot be undone: a step after the point of no return started, the point's step finished, or it
 * started and `crossed` says its irreversible change was made (a failure inside it before that change is undoable).
 */
export function pastPointOfNoReturn(steps: StepState[], pointOfNoReturn: string | undefined, crossed: boolean): boolean {
  const p = noReturnIndex(steps, pointOfNoReturn);
  if (p < 0) return false;
  const at = steps[p].status;
  return steps.some((s, i) => i > p && s.status !== "pending") || at === "done" || (at !== "pending" && crossed);
}

/** The steps whose undo runs when a run is put back: every step that started, last first. */
export function stepsToUndo<T extends StepState>(steps: T[]): T[] {
  return steps.filter((s) => s.status !== "pending").reverse();
}

/** What "interrupted" means: a run left running by a stopped process; its running step counts as failed. */
export const INTERRUPTED_STEP_ERROR = "replscope stopped while this step ran";

/** The run and step states after replscope stopped mid-run (the caller stores them). */
export function interrupt<T extends StepState & { error?: string | null; finishedAt?: string | null }>(steps: T[], at: string): T[] {
  return steps.map((s) => (s.status === "running" ? { ...s, status: "failed", error: INTERRUPTED_STEP_ERROR, finishedAt: at } : s));
}
