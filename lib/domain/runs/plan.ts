// A kind of run's plan: its steps in order and the step from which nothing is undone (switchover, failover; pure).
import type { StoredStep } from "./record";

/** One planned step: its id and what it does. */
export interface PlanStep {
  readonly id: string;
  readonly label: string;
}

/** The steps in order, the point of no return, and whether a step stands at or after it. */
export interface RunPlan<Id extends string> {
  steps: readonly { readonly id: Id; readonly label: string }[];
  pointOfNoReturn: Id;
  pastNoReturn: (id: string) => boolean;
}

/** Builds a plan from its steps and the id of its point of no return. */
export function runPlan<const S extends readonly PlanStep[]>(steps: S, pointOfNoReturn: S[number]["id"]): RunPlan<S[number]["id"]> {
  const at = (id: string) => steps.findIndex((s) => s.id === id);
  return { steps, pointOfNoReturn, pastNoReturn: (id) => at(id) >= 0 && at(id) >= at(pointOfNoReturn) };
}

/** A step ready to be stored with a new run: pending, no log yet. */
export const pendingStep = <Id extends string>(s: { readonly id: Id; readonly label: string }): StoredStep & { id: Id; label: string } => ({ id: s.id, label: s.label, status: "pending", startedAt: null, finishedAt: null, log: [], error: null });
