// What a switchover step can use: the servers, audited statements, the step log, the run's state, the stop flag.
import "server-only";
import type { SwitchoverRecord } from "@/lib/data/switchover";
import type { NodeView } from "@/lib/domain/operations/types";
import { readGrants } from "@/lib/mysql/accounts";
import { type Live, onServer } from "../live-server";
import { readNode } from "../operations/node";
import type { Prepared, RunContext } from "../runs/kind";

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
  /** During undo: what was put back, and what could not be. */
  undone: (text: string) => void;
  notUndone: (text: string) => void;
}

/** What every step of one switchover shares: the run, its servers, the replication password. */
export interface SwitchoverPrepared extends Prepared {
  run: SwitchoverRecord;
  source: Live;
  candidate: Live;
  siblings: Live[];
  password: string;
}

/** Wraps the engine's toolbox for a switchover step. */
export function stepContext(base: RunContext, p: SwitchoverPrepared): SwitchoverContext {
  return {
    run: p.run, source: p.source, candidate: p.candidate, siblings: p.siblings, password: p.password, state: base.state, stopRequested: base.stopRequested, save: base.saveState,
    log: (on, text, extra = {}) => base.log({ on: on?.record.name, text, ...extra }),
    exec: async (on, sql) => void (await base.exec(on, sql)),
    node: (on) => onServer(on, (c) => readNode(on, c)),
    grants: (on) => onServer(on, (c) => readGrants(c)),
    undone: base.undone,
    notUndone: base.notUndone,
  };
}
