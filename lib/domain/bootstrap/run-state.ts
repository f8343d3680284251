// The wizard's run on the shared run state machine (lib/domain/runs/state.ts): its step order and statuses (pure).
import { firstUndone, refusal, type RunAction, type RunStatus as AnyRunStatus, type StepStatus as AnyStepStatus } from "../runs/state";
import { STEP_IDS, type StepId } from "./plan";

/** A wizard run's state (the wizard pauses on failure, so it is never `stopped`). */
export type RunStatus = Exclude<AnyRunStatus, "stopped">;
/** A wizard step's state. */
export type StepStatus = Exclude<AnyStepStatus, "undone">;
export type { RunAction };
export { refusal };

/** The first step not done yet, or null when all are. */
export const nextStep = (steps: { stepId: string; status: string }[]): StepId | null => firstUndone(STEP_IDS, steps) as StepId | null;
