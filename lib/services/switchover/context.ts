// What a switchover step can use: the servers, audited statements, the step log, the run's state, the stop flag.
import "server-only";
import type { SwitchoverRecord, SwitchoverStep } from "@/lib/data/switchover";
import { maskSecrets } from "@/lib/domain/bootstrap/statements";
import type { NodeView } from "@/lib/domain/operations/types";
import { readGrants } from "@/lib/mysql/accounts";
import { auditedExec, type Caller, type Live, onServer, readNode } from "../operations/node";

/** The toolbox handed to each step. */
export interface SwitchoverContext {
  run: SwitchoverRecord;
  source: Live;
  candidate: Live;
  siblings: Live[];
  password: string;
  state: Record<string, unknown>;
  stopRequested: () => boolean;
  log: (on: Live | null, text: string, extra?: { ms?: number; error?: string }) => void;
  /** Runs one changing statement, audited (action `switchover:<id>`) and logged, passwords masked. */
  exec: (on: Live, sql: string) => Promise<void>;
  node: (on: Live) => Promise<NodeView>;
  /** The account's own grants on a server (SHOW GRANTS; read-only, not audited). */
  grants: (on: Live) => Promise<string[]>;
  save: () => Promise<void>;
}

/** Builds the context for one step of a run. */
export function stepContext(
  run: SwitchoverRecord, step: SwitchoverStep, servers: { source: Live; candidate: Live; siblings: Live[] }, password: string, caller: Caller,
  stopRequested: () => boolean, save: () => Promise<void>,
): SwitchoverContext {
  const log: SwitchoverContext["log"] = (on, text, extra = {}) => step.log.push({ at: new Date().toISOString(), on: on?.record.name, text, ...extra });
  return {
    run, ...servers, password, state: run.state, stopRequested, log, save,
    async exec(on, sql) {
      const started = Date.now();
      const text = maskSecrets(sql, [password, on.target.password]);
      try {
        await onServer(on, (c) => auditedExec(c, on, sql, `switchover:${run.id}`, caller, [password]));
        log(on, text, { ms: Date.now() - started });
      } catch (e) {
        log(on, text, { ms: Date.now() - started, error: (e as Error).message });
        throw e;
      } finally {
        await save();
      }
    },
    node: (on) => onServer(on, (c) => readNode(on, c)),
    grants: (on) => onServer(on, (c) => readGrants(c)),
  };
}
