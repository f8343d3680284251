// A run as the shared engine stores and reads it, whatever its kind (pure types).
import type { FailurePolicy, RunStatus, StepStatus } from "./state";

/** The kinds of run; each has its own table today (lib/data/runs.ts puts them behind one interface). */
export type RunKindName = "bootstrap" | "switchover" | "failover";

/** One line of a step's log (statements masked); `on` names the server or side it ran on. */
export interface RunLogLine {
  at: string;
  on?: string;
  text: string;
  ms?: number;
  error?: string;
  /** A check's verdict, for steps that run checks (the wizard's preflight). */
  check?: unknown;
}

/** A step's stored state. */
export interface StoredStep {
  id: string;
  status: StepStatus;
  startedAt: string | null;
  finishedAt: string | null;
  log: RunLogLine[];
  error: string | null;
}

/** A run's stored state: status, position, notes for the next steps and for undo, steps in order, servers it holds. */
export interface StoredRun {
  kind: RunKindName;
  policy: FailurePolicy;
  id: string;
  status: RunStatus;
  currentStep: string | null;
  state: Record<string, unknown>;
  error: string | null;
  steps: StoredStep[];
  /** Servers no other run or operation may touch while this run is active. */
  holds: string[];
}

/** What the engine changes on a run; `extra` carries kind-specific columns (the switchover's report). */
export interface RunPatch {
  status?: RunStatus;
  currentStep?: string;
  state?: Record<string, unknown>;
  error?: string | null;
  extra?: Record<string, unknown>;
}
