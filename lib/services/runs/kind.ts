// What a kind of run (wizard, switchover, later failover) declares to the run engine: its steps and its hooks.
import "server-only";
import type { RunStore } from "@/lib/data/runs";
import type { Caller } from "@/lib/domain/auth";
import type { RunKindName, RunLogLine, StoredRun } from "@/lib/domain/runs/record";
import type { RunPlan } from "@/lib/domain/runs/plan";
import type { FailurePolicy, RunStatus } from "@/lib/domain/runs/state";
import type { TimedConnection } from "@/lib/mysql/connection";
import type { Live } from "../live-server";

/** One step: what it does, how to put back what it did (before the point of no return), and whether it is that point. */
export interface StepDef<C> {
  id: string;
  label: string;
  run: (ctx: C) => Promise<void>;
  undo?: (ctx: C) => Promise<void>;
  pointOfNoReturn?: boolean;
}

/** The engine's toolbox for a step (a kind wraps it into its own context). */
export interface RunContext {
  runId: string;
  caller: Caller;
  /** Aborted when the user cancels the step (the wizard's abort). */
  signal: AbortSignal;
  /** Notes for later steps and for undo, stored with the run. */
  state: Record<string, unknown>;
  /** Appends a line to the step's log (masked). */
  log: (line: Omit<RunLogLine, "at">) => void;
  /** Runs one statement on its own connection, logged (masked) under `on`; `audit` (default) records it as `<kind>:<run id>`. */
  exec: <T = Record<string, unknown>[]>(server: Live, sql: string, opts?: { on?: string; audit?: boolean }) => Promise<T>;
  /** Several statements on one connection (session state such as snapshots and locks). */
  session: <T>(server: Live, fn: (c: TimedConnection) => Promise<T>) => Promise<T>;
  /** True once the user asked to stop and the run has not reached its point of no return. */
  stopRequested: () => boolean;
  /** Stores the state notes and the step's log now (so a crash mid-step still knows what to undo). */
  saveState: () => Promise<void>;
  /** During undo: says what was put back, or what could not be. */
  undone: (text: string) => void;
  notUndone: (text: string) => void;
}

/** What a kind loads once per execution (servers, its record, secrets to mask). */
export interface Prepared {
  secrets: string[];
}

/** A kind of run as the engine executes it. */
export interface RunKind<C, P extends Prepared> {
  kind: RunKindName;
  /** How the kind's runs are named in refusals ("bootstrap run", "switchover"). */
  noun: string;
  store: RunStore;
  policy: FailurePolicy;
  steps: readonly StepDef<C>[];
  queryTimeoutMs: number;
  /** Loads what the steps need; a failure fails the step about to run with its message. */
  prepare: (run: StoredRun) => Promise<P>;
  context: (base: RunContext, prepared: P) => C;
  /** Inside the point of no return's step: true once its irreversible change was made. */
  crossed?: (state: Record<string, unknown>) => boolean;
  /** When an undo put something back, the steps that were done become `undone`. */
  undoneMarksSteps?: boolean;
  hooks?: {
    /** When an execution begins (e.g. pause the heartbeat writer). */
    begin?: (run: StoredRun) => Promise<void>;
    /** Before a run is marked done (e.g. move the heartbeat). */
    beforeDone?: (prepared: P) => Promise<void>;
    /** Kind-specific columns stored with the final status (e.g. where each server stands). */
    final?: (prepared: P | null, status: RunStatus) => Promise<Record<string, unknown>>;
    /** After an execution ended (e.g. audit the outcome, forget a secret). */
    end?: (run: StoredRun, prepared: P | null, caller: Caller) => Promise<void>;
  };
}

/** A plan's steps as the engine runs them: each one's function and undo, its point of no return marked. */
export function planSteps<C, Id extends string>(plan: RunPlan<Id>, run: Record<Id, (ctx: C) => Promise<void>>, undo: Partial<Record<Id, (ctx: C) => Promise<void>>>): StepDef<C>[] {
  return plan.steps.map((s) => ({ id: s.id, label: s.label, run: run[s.id], undo: undo[s.id], pointOfNoReturn: s.id === plan.pointOfNoReturn }));
}
