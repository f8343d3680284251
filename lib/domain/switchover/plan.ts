// The switchover's steps, its point of no return, how the followers position on the new source (pure).
import { followsByGtid } from "../dialect";
import type { ChannelStatus } from "../replica-status";
import type { NodeView } from "../operations/types";
import { runPlan } from "../runs/plan";

/** The steps, in order; `promote` is the point of no return (before it, stopping undoes everything). */
export const SWITCHOVER_PLAN = runPlan([
  { id: "check", label: "Check readiness again" },
  { id: "source_read_only", label: "Make the old source read-only" },
  { id: "catch_up", label: "Wait until the candidate and the siblings have applied everything" },
  { id: "stop_replicas", label: "Stop replication on the candidate and the siblings" },
  { id: "promote", label: "Make the candidate a writable source (point of no return)" },
  { id: "repoint_source", label: "Old source replicates from the new one" },
  { id: "repoint_siblings", label: "Siblings follow the new source" },
  { id: "verify", label: "Check that every server replicates" },
], "promote");

/** A step id. */
export type SwitchoverStepId = (typeof SWITCHOVER_PLAN.steps)[number]["id"];

/** GTID positioning when every server can use it (MariaDB needs the candidate to log what it replicated). */
export function followMode(candidate: NodeView, others: NodeView[]): "gtid" | "file" {
  return followsByGtid(candidate.version, candidate.facts.logReplicaUpdates, [candidate, ...others].map((n) => n.facts.gtidMode)) ? "gtid" : "file";
}

/** True when the channel has applied the source up to `at` (same binlog file name scheme, so names order). */
export function appliedUpTo(ch: ChannelStatus | undefined, at: { file: string; position: number }): boolean {
  if (!ch || ch.execSourceLogPos === null) return false;
  return ch.relaySourceLogFile > at.file || (ch.relaySourceLogFile === at.file && ch.execSourceLogPos >= at.position);
}
