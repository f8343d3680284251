// The failover's steps, its point of no return, and the report of what each server had and what may be lost (pure).
import { gtidSubtract, isMariaPos, mariaAhead } from "../operations/gtid";
import { runPlan } from "../runs/plan";

/** The steps, in order; `promote` is the point of no return. */
export const FAILOVER_PLAN = runPlan([
  { id: "verify_dead", label: "Re-verify that the source is dead, from replscope and from its replicas" },
  { id: "stop_receivers", label: "Stop the replicas' receivers" },
  { id: "catch_up", label: "Bring the candidate level with the most advanced replica" },
  { id: "apply_relay", label: "Wait until the candidate applied everything it retrieved" },
  { id: "promote", label: "Promote the candidate: RESET REPLICA ALL, read_only off (point of no return)" },
  { id: "repoint", label: "Repoint the other replicas to it by GTID and check they replicate" },
  { id: "report", label: "Report what each server had and what may have been lost" },
], "promote");

/** A step id. */
export type FailoverStepId = (typeof FAILOVER_PLAN.steps)[number]["id"];

/** One replica in the report. */
export interface ReportReplica {
  name: string;
  role: "new source" | "repointed" | "not repointed";
  retrieved: string;
  executed: string;
  detail?: string;
}

/** What GET /api/failovers/:id shows once the run is done. */
export interface FailoverReport {
  oldSource: string;
  newSource: string;
  replicas: ReportReplica[];
  newSourceHas: string;
  /** The dead source's last GTID replscope saw that no replica received ("" when none, null when unknown). */
  possiblyLost: string | null;
  lostNote: string;
  semiSync: boolean | null;
}

/** GTIDs of `a` missing from `b`, in either family. */
const missing = (a: string, b: string) => (isMariaPos(a) ? mariaAhead(a, b).join(",") : gtidSubtract(a, b));

/** Builds the report: what the dead source last had versus the most the replicas received. */
export function buildReport(i: { oldSource: string; lastKnown: string | null; semiSync: boolean | null; newSource: string; newSourceHas: string; replicas: ReportReplica[] }): FailoverReport {
  const lost = i.lastKnown ? missing(i.lastKnown, i.newSourceHas) : null;
  const lostNote =
    lost === null ? "The dead source's last position is unknown (never read): what it wrote after that cannot be estimated."
      : lost ? `The dead source had at least ${lost} that no replica received: these transactions are lost unless the old source's disk can be read.`
        : `Nothing replscope saw on the dead source is missing; anything it wrote after replscope's last successful poll and before it died${i.semiSync ? " was acknowledged by a semi-sync replica" : " may be lost (semi-sync was off)"}.`;
  return { oldSource: i.oldSource, newSource: i.newSource, replicas: i.replicas, newSourceHas: i.newSourceHas, possiblyLost: lost, lostNote, semiSync: i.semiSync };
}
