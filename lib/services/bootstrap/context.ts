// What a running wizard step can use: both servers, audited statements, the step log, progress, undo notes, cancel.
import "server-only";
import type { Caller } from "@/lib/domain/auth";
import type { RunRecord } from "@/lib/data/bootstrap";
import type { Check } from "@/lib/domain/bootstrap/preflight";
import type { TimedConnection } from "@/lib/mysql/connection";
import type { Queryable } from "@/lib/mysql/query";
import { type Live, onServer } from "../live-server";
import { loggedExec } from "../runs/context";
import { mask } from "../runs/mask";

/** One side of the run. */
export type RunServer = Live;

/** A step's log line (statement masked). */
export interface LogLine {
  at: string;
  on?: "source" | "target";
  text: string;
  ms?: number;
  error?: string;
  check?: Check;
}

/** The toolbox handed to each step. */
export interface StepContext {
  run: RunRecord;
  replPassword: string;
  source: RunServer;
  target: RunServer;
  signal: AbortSignal;
  undo: Record<string, unknown>;
  log: (line: Omit<LogLine, "at">) => void;
  /** Runs a statement that changes something: audited and logged (masked). */
  exec: <T = Record<string, unknown>[]>(side: "source" | "target", sql: string) => Promise<T>;
  /** One side as a reader for lib/mysql's typed readers: each statement on its own connection, logged, not audited. */
  on: (side: "source" | "target") => Queryable;
  /** Several statements on one connection (session state such as snapshots and locks). */
  session: <T>(side: "source" | "target", fn: (c: TimedConnection) => Promise<T>) => Promise<T>;
  setProgress: (p: object) => void;
  /** Stores the undo notes now (so a crash mid-step still knows what to undo). */
  saveUndo: () => Promise<void>;
  /** During an abort: what was put back, and what could not be. */
  undone: (text: string) => void;
  notUndone: (text: string) => void;
}

/** Statements on a server may run this long (a dump load or a clone takes minutes). */
export const WIZARD_QUERY_TIMEOUT_MS = 600_000;

/** The audited executors by side, outside the engine (a step run on its own, as the CLONE fake test does). */
export function executors(run: RunRecord, sides: Record<"source" | "target", RunServer>, secrets: string[], push: (l: Omit<LogLine, "at">) => void, caller: Caller = { actor: "wizard", address: null }) {
  const log = (l: { on?: string; text: string; ms?: number; error?: string }) => push({ ...l, on: l.on as LogLine["on"], text: mask(l.text, secrets), ...(l.error ? { error: mask(l.error, secrets) } : {}) });
  const o = (side: "source" | "target", audit: boolean) => ({ on: side, audit, action: `bootstrap:${run.id}`, caller, secrets, queryTimeoutMs: WIZARD_QUERY_TIMEOUT_MS, log });
  return {
    exec: <T>(side: "source" | "target", sql: string) => loggedExec<T>(sides[side], sql, o(side, true)),
    on: (side: "source" | "target"): Queryable => ({ query: <T>(sql: string) => loggedExec<T>(sides[side], sql, o(side, false)) }),
    session: <T>(side: "source" | "target", fn: (c: TimedConnection) => Promise<T>) => onServer(sides[side], fn, WIZARD_QUERY_TIMEOUT_MS),
  };
}
