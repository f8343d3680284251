// The toolbox the engine hands a step: masked log, audited statements on live servers, state notes, stop flag, undo notes.
import "server-only";
import type { Caller } from "@/lib/domain/auth";
import type { StoredRun, StoredStep } from "@/lib/domain/runs/record";
import { auditedExec, type Live, onServer } from "../live-server";
import type { Prepared, RunContext, RunKind } from "./kind";
import type { RunWriter } from "./writer";

/** Something an undo put back (`undone`) or could not. */
export interface UndoNote {
  text: string;
  undone: boolean;
}

/** What the engine knows when it builds a step's toolbox. */
interface BaseInput<C, P extends Prepared> {
  k: RunKind<C, P>;
  run: StoredRun;
  step: StoredStep;
  w: RunWriter;
  secrets: string[];
  caller: Caller;
  signal: AbortSignal;
  stop: () => boolean;
  notes?: UndoNote[];
}

/** How one logged statement runs: where its log line goes, and how it is audited. */
export interface ExecOptions {
  on: string;
  audit: boolean;
  action: string;
  caller: Caller;
  secrets: string[];
  queryTimeoutMs: number;
  log: RunContext["log"];
}

/** Runs one statement on its own connection; logs it with its duration (and error); audits it when asked. */
export async function loggedExec<T>(server: Live, sql: string, o: ExecOptions): Promise<T> {
  const started = Date.now();
  try {
    const rows = await onServer(server, (c) => (o.audit ? auditedExec<T>(c, server, sql, o.action, o.caller, o.secrets) : c.query<T>(sql)), o.queryTimeoutMs);
    o.log({ on: o.on, text: sql, ms: Date.now() - started });
    return rows;
  } catch (e) {
    o.log({ on: o.on, text: sql, ms: Date.now() - started, error: (e as Error).message });
    throw e;
  }
}

/** Builds the engine's toolbox for one step (or for the undo phase, with `notes`). */
export function baseContext<C, P extends Prepared>({ k, run, step, w, secrets, caller, signal, stop, notes = [] }: BaseInput<C, P>): RunContext {
  const action = `${k.kind}:${run.id}`;
  const log: RunContext["log"] = (line) => void step.log.push(w.line(line));
  const saveState = async () => {
    await w.step(step);
    await w.run({ state: run.state });
  };
  const session: RunContext["session"] = (server, fn) => onServer(server, fn, k.queryTimeoutMs);
  const exec = async <T,>(server: Live, sql: string, opts: { on?: string; audit?: boolean } = {}): Promise<T> => {
    const audit = opts.audit ?? true;
    try {
      return await loggedExec<T>(server, sql, { on: opts.on ?? server.record.name, audit, action, caller, secrets, queryTimeoutMs: k.queryTimeoutMs, log });
    } finally {
      if (audit) await saveState();
    }
  };
  return {
    runId: run.id, caller, signal, state: run.state, log, exec, session, stopRequested: stop, saveState,
    undone: (text) => void notes.push({ text: w.clean(text), undone: true }),
    notUndone: (text) => void notes.push({ text: w.clean(text), undone: false }),
  };
}
