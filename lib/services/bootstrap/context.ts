// What a running step can use: both servers, audited statements, the step log, progress, undo notes, cancel.
import "server-only";
import { recordAudit } from "@/lib/data/audit";
import type { Caller } from "@/lib/domain/auth";
import type { RunRecord } from "@/lib/data/bootstrap";
import { loadTarget, type ServerRecord, UNSEALABLE } from "@/lib/data/servers";
import type { Check } from "@/lib/domain/bootstrap/preflight";
import { maskSecrets } from "@/lib/domain/bootstrap/statements";
import { type ServerVersion, versionOf } from "@/lib/domain/dialect";
import { type ServerTarget, type TimedConnection, withConnection } from "@/lib/mysql/connection";
import type { Queryable } from "@/lib/mysql/query";
import { env } from "@/lib/config/env";

/** One side of the run. */
export interface RunServer {
  record: ServerRecord;
  target: ServerTarget;
  version: ServerVersion;
}

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
}

/** Loads a registered server with its credentials and version; throws a plain message when it cannot be used. */
export async function loadRunServer(record: ServerRecord | null, role: string): Promise<RunServer> {
  if (!record) throw new Error(`The ${role} server is no longer registered.`);
  const t = await loadTarget(record.id);
  if (!t || t.password === null) throw new Error(`${record.name}: ${UNSEALABLE}`);
  const version = versionOf(record);
  if (!version) throw new Error(`${record.name}'s version is unknown: test its connection first.`);
  return { record, target: { ...t, password: t.password }, version };
}

/** Builds the audited executors for a step. */
export function executors(run: RunRecord, sides: Record<"source" | "target", RunServer>, secrets: string[], push: (l: Omit<LogLine, "at">) => void, caller: Caller = { actor: "wizard", address: null }) {
  const timeouts = () => ({ connectTimeoutMs: env().REPLSCOPE_CONNECT_TIMEOUT_MS, queryTimeoutMs: 600_000 });
  const session = <T>(side: "source" | "target", fn: (c: TimedConnection) => Promise<T>) => withConnection(sides[side].target, timeouts(), fn);
  const timed = async <T>(side: "source" | "target", sql: string, audit: boolean): Promise<T> => {
    const started = Date.now();
    const text = maskSecrets(sql, secrets);
    try {
      const rows = await session(side, (c) => c.query<T>(sql));
      push({ on: side, text, ms: Date.now() - started });
      if (audit) await recordAudit({ ...caller, action: `bootstrap:${run.id}`, serverId: sides[side].record.id, serverName: sides[side].record.name, statement: text, durationMs: Date.now() - started, error: null });
      return rows;
    } catch (e) {
      const error = (e as Error).message;
      push({ on: side, text, ms: Date.now() - started, error });
      if (audit) await recordAudit({ ...caller, action: `bootstrap:${run.id}`, serverId: sides[side].record.id, serverName: sides[side].record.name, statement: text, durationMs: Date.now() - started, error });
      throw e;
    }
  };
  return {
    exec: <T>(side: "source" | "target", sql: string) => timed<T>(side, sql, true),
    on: (side: "source" | "target"): Queryable => ({ query: <T>(sql: string) => timed<T>(side, sql, false) }),
    session,
  };
}
