// The switchover's steps, its point of no return, and the statements each step runs (text only, values escaped).
import { changeSourceStatement, gtidFlavor, gtidStartStatements, needsSourcePublicKey, type ServerVersion } from "../dialect";
import type { ChannelStatus } from "../replica-status";
import type { NodeView } from "../operations/types";

/** The steps, in order; `promote` is the point of no return (before it, stopping undoes everything). */
export const SWITCHOVER_STEPS = [
  { id: "check", label: "Check readiness again" },
  { id: "source_read_only", label: "Make the old source read-only" },
  { id: "catch_up", label: "Wait until the candidate and the siblings have applied everything" },
  { id: "stop_replicas", label: "Stop replication on the candidate and the siblings" },
  { id: "promote", label: "Make the candidate a writable source (point of no return)" },
  { id: "repoint_source", label: "Old source replicates from the new one" },
  { id: "repoint_siblings", label: "Siblings follow the new source" },
  { id: "verify", label: "Check that every server replicates" },
] as const;

/** A step id. */
export type SwitchoverStepId = (typeof SWITCHOVER_STEPS)[number]["id"];

/** Steps from here on cannot be stopped or undone automatically. */
export const POINT_OF_NO_RETURN: SwitchoverStepId = "promote";

/** True when the step is at or after the point of no return. */
export const pastNoReturn = (id: SwitchoverStepId) => SWITCHOVER_STEPS.findIndex((s) => s.id === id) >= SWITCHOVER_STEPS.findIndex((s) => s.id === POINT_OF_NO_RETURN);

/** Where followers start on the new source: by GTID, or at the candidate's coordinates taken while everything was stopped. */
export type FollowPosition = { kind: "gtid" } | { kind: "file"; file: string; position: number };

/** GTID positioning when every server can use it (MariaDB needs the candidate to log what it replicated). */
export function followMode(candidate: NodeView, others: NodeView[]): "gtid" | "file" {
  if (gtidFlavor(candidate.version) === "mariadb") return candidate.facts.logReplicaUpdates ? "gtid" : "file";
  return [candidate, ...others].every((n) => n.facts.gtidMode.toUpperCase() === "ON") ? "gtid" : "file";
}

/** True when the channel has applied the source up to `at` (same binlog file name scheme, so names order). */
export function appliedUpTo(ch: ChannelStatus | undefined, at: { file: string; position: number }): boolean {
  if (!ch || ch.execSourceLogPos === null) return false;
  return ch.relaySourceLogFile > at.file || (ch.relaySourceLogFile === at.file && ch.execSourceLogPos >= at.position);
}

/** A sibling moves to the new source keeping its replication user and password. */
export function followerStatement(v: ServerVersion, host: string, port: number, at: FollowPosition): string {
  return changeSourceStatement(v, { host, port, start: at });
}

/** The old source becomes a replica of the new one: it needs the replication credentials (it had none). */
export function oldSourceStatements(v: ServerVersion, to: { host: string; port: number; user: string; password: string }, at: FollowPosition, ownGtidPos: string): string[] {
  const start = at.kind === "file" ? { kind: "file" as const, file: at.file, position: at.position } : { kind: "gtid" as const };
  const change = changeSourceStatement(v, { ...to, start, getPublicKey: needsSourcePublicKey(v) });
  return [...(at.kind === "gtid" ? gtidStartStatements(v, ownGtidPos, false) : []), change];
}
