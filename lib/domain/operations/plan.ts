// One entry point for every replication operation: the exact statements, or the reason it is refused.
import { planReadOnly } from "./read-only";
import { planRepoint } from "./repoint";
import { planSkip } from "./skip";
import { planThreads } from "./threads";
import type { NodeView, Operation, PlanResult } from "./types";

/** The servers around the replica that a repoint needs (the target and the current source, when registered). */
export interface Neighbours {
  target?: NodeView | null;
  source?: NodeView | null;
  /** Ids of the registered servers replicating from the replica, directly or not (from the latest poll). */
  downstream?: string[];
}

/** Plans `op` on `node` from its state just read; a plan for a named channel says which one it expects to settle. */
export function planOperation(node: NodeView, op: Operation, around: Neighbours = {}): PlanResult {
  const r = planFor(node, op, around);
  return r.ok && "channel" in op && op.channel !== undefined ? { ok: true, plan: { ...r.plan, channel: op.channel } } : r;
}

function planFor(node: NodeView, op: Operation, around: Neighbours): PlanResult {
  switch (op.kind) {
    case "start":
    case "stop":
      return planThreads(node, op.kind, op.threads, op.channel);
    case "skip":
      return planSkip(node, op.channel);
    case "read_only":
      return planReadOnly(node, op.on);
    case "repoint":
      return around.target ? planRepoint(node, around.target, around.source ?? null, around.downstream, op.channel) : { ok: false, refused: "The server to repoint to is not registered or did not answer." };
  }
}
