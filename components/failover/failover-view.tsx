"use client";
// A failover, live: the shared run view, then the report (what each server had, what may be lost) and the hooks' outcome.
import type { FailoverResponse } from "@/lib/services/failover";
import { useFailover } from "@/lib/swr/use-failover";
import { RunView } from "../runs/run-view";

/** What each server had once the failover is done. */
function FailoverReport({ report }: { report: NonNullable<FailoverResponse["report"]> }) {
  return (
    <section aria-label="Failover report" className="space-y-2">
      <h2 className="font-semibold">Report</h2>
      <p>{report.newSource} has <span className="font-mono text-xs">{report.newSourceHas || "—"}</span>.</p>
      <ul className="space-y-1">{report.replicas.map((r) => <li key={r.name} data-server={r.name}><span className="font-medium">{r.name}</span> ({r.role}): received <span className="font-mono text-xs">{r.retrieved || "—"}</span>, executed <span className="font-mono text-xs">{r.executed || "—"}</span></li>)}</ul>
      <p data-testid="lost" className={report.possiblyLost ? "text-red-700 dark:text-red-400" : ""}>{report.lostNote}</p>
    </section>
  );
}

/** The run page's live part (polls every second while the run runs). */
export function FailoverView({ initial, names }: { initial: FailoverResponse; names: { source: string; candidate: string } }) {
  const { data } = useFailover(initial);
  const run = data ?? initial;
  return (
    <RunView kind="failover" names={names} status={run.status} shownStatus={run.runStatus} by={run.auto ? "auto" : run.actor} error={run.error} steps={run.steps} waitingForLeader={run.waitingForLeader}>
      {run.report && <FailoverReport report={run.report} />}
      {run.hooks.length > 0 && <ul className="text-xs text-slate-500">{run.hooks.map((h, i) => <li key={i}>{h}</li>)}</ul>}
    </RunView>
  );
}
