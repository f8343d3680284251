// The failover notification body sent to alert channels and per-cluster hook URLs (pure).
import type { FailoverReport } from "./plan";

/** The JSON a hook receives before and after a failover (signed by the caller with the cluster's secret). */
export interface FailoverHookBody {
  event: "failover.pre" | "failover.post";
  failoverId: string;
  cluster: string | null;
  oldSource: string;
  newSource: string;
  status: string;
  auto: boolean;
  replicasRepointed: string[];
  /** GTIDs the dead source had that no replica received ("" none, null unknown; post only). */
  lostTransactions: string | null;
  lostNote: string | null;
  at: string;
}

/** Builds the hook body; the report exists only after the run. */
export function hookBody(i: { event: FailoverHookBody["event"]; id: string; cluster: string | null; oldSource: string; newSource: string; status: string; auto: boolean; report: FailoverReport | null; at: Date }): FailoverHookBody {
  return {
    event: i.event, failoverId: i.id, cluster: i.cluster, oldSource: i.oldSource, newSource: i.newSource, status: i.status, auto: i.auto,
    replicasRepointed: i.report?.replicas.filter((r) => r.role === "repointed").map((r) => r.name) ?? [],
    lostTransactions: i.report?.possiblyLost ?? null, lostNote: i.report?.lostNote ?? null, at: i.at.toISOString(),
  };
}
