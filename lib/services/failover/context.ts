// What a failover step can use: the servers, audited statements, reads, the step log, the run's state.
import "server-only";
import type { FailoverRecord } from "@/lib/data/failover";
import type { DeadSourceView } from "@/lib/domain/failover/candidates";
import type { NodeView } from "@/lib/domain/operations/types";
import { type Live, onServer } from "../live-server";
import { readNode } from "../operations/node";
import type { Prepared, RunContext } from "../runs/kind";

/** The toolbox handed to each failover step. */
export interface FailoverContext {
  run: FailoverRecord;
  /** The dead source (connectable only to prove it is still dead). */
  source: Live;
  dead: DeadSourceView;
  candidate: Live;
  /** The other replicas, which will follow the candidate. */
  others: Live[];
  state: Record<string, unknown>;
  log: (on: Live | null, text: string, extra?: { error?: string }) => void;
  /** One changing statement, audited as `failover:<id>` and logged. */
  exec: (on: Live, sql: string) => Promise<void>;
  /** One read (a wait function), logged, not audited. */
  read: <T = Record<string, unknown>[]>(on: Live, sql: string) => Promise<T>;
  node: (on: Live) => Promise<NodeView>;
  save: () => Promise<void>;
}

/** What every step of one failover shares. */
export interface FailoverPrepared extends Prepared {
  run: FailoverRecord;
  source: Live;
  dead: DeadSourceView;
  candidate: Live;
  others: Live[];
}

/** Wraps the engine's toolbox for a failover step. */
export function failoverContext(base: RunContext, p: FailoverPrepared): FailoverContext {
  return {
    run: p.run, source: p.source, dead: p.dead, candidate: p.candidate, others: p.others, state: base.state, save: base.saveState,
    log: (on, text, extra = {}) => base.log({ on: on?.record.name, text, ...extra }),
    exec: async (on, sql) => void (await base.exec(on, sql)),
    read: (on, sql) => base.exec(on, sql, { audit: false }),
    node: (on) => onServer(on, (c) => readNode(on, c)),
  };
}
