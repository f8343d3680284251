// How ready each replica is to become the new source: scored checks, some of which block a switchover outright.
import { errantTransactions } from "../operations/gtid";
import { replicatesFrom } from "../operations/repoint";
import type { NodeView } from "../operations/types";
import { isOlder, sameFamily, versionText } from "../dialect";

/** One readiness check. */
export interface ReadinessCheck {
  id: string;
  label: string;
  ok: boolean;
  detail: string;
  /** A failed blocking check makes the switchover refuse this candidate. */
  blocking: boolean;
}

/** A candidate's readiness: 0–100 and the checks behind it. */
export interface Readiness {
  candidateId: string;
  candidateName: string;
  score: number;
  ready: boolean;
  checks: ReadinessCheck[];
}

const MAX_LAG = 60;

/** Scores `candidate` as the new source for `source`, with `siblings` (its other replicas) to follow it. */
export function assessCandidate(source: NodeView, candidate: NodeView, siblings: NodeView[]): Readiness {
  const ch = candidate.channels.find((c) => replicatesFrom(c, source));
  const errant = errantTransactions(candidate.facts.gtidExecuted, source.facts.gtidExecuted);
  const olderSiblings = siblings.filter((s) => isOlder(s.version, candidate.version)).map((s) => s.name);
  const check = (id: string, label: string, ok: boolean, detail: string, blocking = true): ReadinessCheck => ({ id, label, ok, detail, blocking });
  const checks: ReadinessCheck[] = [
    check("source_alone", `${source.name} replicates from nobody`, source.channels.length === 0, source.channels.length ? `${source.name} is itself a replica (or master-master): switch it over by hand` : "a plain source"),
    check("replicates", `replicates from ${source.name} only`, !!ch && candidate.channels.length === 1, ch ? (candidate.channels.length === 1 ? "one channel" : `${candidate.channels.length} channels`) : `not a replica of ${source.name}`),
    check("running", "both threads run without errors", !!ch && ch.ioThread === "running" && ch.sqlThread === "running" && !ch.lastSqlErrno, ch ? `IO ${ch.ioThread}, SQL ${ch.sqlThread}${ch.lastSqlErrno ? `, error ${ch.lastSqlErrno}` : ""}` : "—"),
    check("caught_up", "caught up", ch?.secondsBehind === 0, ch?.secondsBehind === null || !ch ? "lag unknown" : `${ch.secondsBehind} s behind`, !(ch && ch.secondsBehind !== null && ch.secondsBehind <= MAX_LAG)),
    check("not_delayed", "not a delayed replica", !ch || ch.sqlDelay === 0, ch?.sqlDelay ? `delayed by ${ch.sqlDelay} s` : "no delay"),
    check("binlog", "binary log on", candidate.facts.logBin, candidate.facts.logBin ? "log_bin=ON" : "log_bin=OFF: nothing could replicate from it"),
    check("replica_updates", "log_replica_updates on", candidate.facts.logReplicaUpdates, candidate.facts.logReplicaUpdates ? "replicated changes are in its binary log" : "off: followers are positioned by coordinates, not GTID", false),
    check("flavor", `same family as ${source.name}`, sameFamily(candidate.version, source.version), `${versionText(candidate.version)} vs ${versionText(source.version)}`),
    check("version", "not older than the servers that will follow it", !isOlder(candidate.version, source.version) && olderSiblings.length === 0,
      olderSiblings.length ? `newer than its future replica(s) ${olderSiblings.join(", ")}` : isOlder(candidate.version, source.version) ? `older than ${source.name}` : versionText(candidate.version), false),
    check("errant", "no errant transactions", !errant, errant ? `has ${errant} that ${source.name} lacks` : "none"),
    check("filters", "no replication filters", !ch?.filters.length, ch?.filters.length ? ch.filters.join("; ") : "none"),
  ];
  const passed = checks.filter((c) => c.ok).length;
  return { candidateId: candidate.id, candidateName: candidate.name, score: Math.round((100 * passed) / checks.length), ready: checks.every((c) => c.ok || !c.blocking), checks };
}
