// The wizard's run as a state machine: which step is next and which actions are allowed now (pure).
import { STEP_IDS, type StepId } from "./plan";

/** A run's state. `waiting`: a step finished and the next waits for the user (or the API) to advance. */
export type RunStatus = "planned" | "running" | "waiting" | "failed" | "interrupted" | "done" | "aborted";
/** A step's state. */
export type StepStatus = "pending" | "running" | "done" | "failed";

/** The actions a user can ask for. */
export type RunAction = "advance" | "retry" | "abort";

/** The first step not done yet, or null when all are. */
export function nextStep(steps: { stepId: string; status: string }[]): StepId | null {
  return STEP_IDS.find((id) => steps.find((s) => s.stepId === id)?.status !== "done") ?? null;
}

/** Why an action is refused now, or null when it is allowed. */
export function refusal(status: RunStatus, action: RunAction): string | null {
  if (status === "running") return "A step is running; wait for it or abort the run.";
  if (status === "done") return "This run is complete.";
  if (status === "aborted") return "This run was aborted; start a new one.";
  if (action === "advance" && (status === "failed" || status === "interrupted")) return "The last step did not finish: retry it or abort the run.";
  if (action === "retry" && status !== "failed" && status !== "interrupted") return "Nothing to retry: no step failed.";
  return null;
}
