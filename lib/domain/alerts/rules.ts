// `for` durations and silence matching for alerts (pure).
import type { ProblemCode } from "../problems";
import type { AlertConfig, AlertState, ForRule, SilenceRule } from "./types";

/**
 * Codes that fire at once: replication stopped on an error, the server cannot be read, or its source cannot feed it
 * (binary log off, relay without replica updates). IOThreadConnecting waits like lag does: every START SLAVE shows
 * "Connecting" for a moment, and a source that is really down is reported at once as Unreachable on the source.
 */
export const IMMEDIATE_CODES: readonly string[] = [
  "ReplicationBroken", "Unreachable", "SourceBinlogDisabled", "RelayWithoutReplicaUpdates", "DeadSource", "DeadSourceAndSomeReplicas", "FormerSourceReturned", "ErrantTransactions",
];

/** The built-in `for` of a code (a ProblemCode, or any code a stored rule names): 0 s for breakage and dead sources, 30 s for lag, stopped threads and the rest. */
export function defaultForSeconds(code: string): number {
  return IMMEDIATE_CODES.includes(code) ? 0 : 30;
}

/** The default lifecycle settings (resolveAfter = the poll interval, repeat 4 h, flapping window 5 min). */
export function defaultAlertConfig(pollIntervalSeconds: number, repeatSeconds = 4 * 3600): AlertConfig {
  return { rules: [], resolveAfterSeconds: pollIntervalSeconds, repeatSeconds, flapWindowSeconds: 300, keepResolvedSeconds: 86_400 };
}

const specificity = (r: ForRule) => (r.serverId ? 4 : 0) + (r.cluster ? 2 : 0) + (r.code ? 1 : 0);

/** True when every field the rule sets matches. */
function ruleMatches(r: ForRule, serverId: string, cluster: string | null, code: string): boolean {
  return (!r.serverId || r.serverId === serverId) && (!r.cluster || r.cluster === cluster) && (!r.code || r.code === code);
}

/** How long `code` must last on this server before it fires: the most specific matching rule, else the default. */
export function forSecondsOf(rules: ForRule[], serverId: string, cluster: string | null, code: string): number {
  const best = rules.filter((r) => ruleMatches(r, serverId, cluster, code)).sort((a, b) => specificity(b) - specificity(a))[0];
  return best ? best.forSeconds : defaultForSeconds(code);
}

/** True when the silence is active at `now` and matches this alert (every field it sets). */
export function silenceMatches(s: SilenceRule, a: Pick<AlertState, "serverId" | "code">, cluster: string | null, now: number): boolean {
  return now < s.endsAt && (!s.serverId || s.serverId === a.serverId) && (!s.cluster || s.cluster === cluster) && (!s.code || s.code === a.code);
}

/** Every problem code replscope reports (for validating silences and rules). */
export const PROBLEM_CODES = [
  "ReplicationBroken", "ReplicationStopped", "IOThreadConnecting", "LagAboveCritical", "LagAboveWarning", "Unreachable", "ReplicaIsWritable",
  "SourceBinlogDisabled", "DuplicateServerId", "StatementBasedBinlog", "AutoIncrementCollision", "NotCheckedRecently", "RelayWithoutReplicaUpdates",
  "SemiSyncDegraded", "SemiSyncNoAckers", "CoSourceBothWritable",
  "DeadSource", "UnreachableSource", "DeadSourceAndSomeReplicas", "FormerSourceReturned", "ErrantTransactions",
] as const satisfies readonly ProblemCode[];
