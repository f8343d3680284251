"use client";
// A failover, live: each step with its statements and log, then the report (what each server had, what may be lost).
import type { FailoverResponse } from "@/lib/services/failover";
import { useFailover } from "@/lib/swr/use-failover";
import { WaitingForLeader } from "../ui/waiting-for-leader";

const BADGE: Record<string, string> = { pending: "text-slate-500", running: "text-sky-700 dark:text-sky-300", done: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400", undone: "text-amber-700 dark:text-amber-300" };

/** The run page's live part (polls every second while the run runs). */
export function FailoverView({ initial, names }: { initial: FailoverResponse; names: { source: string; candidate: string } }) {
  const { data } = useFailover(initial);
  const run = data ?? initial;
  return (
    <div className="space-y-4 text-sm">
      <p data-testid="failover-status" data-status={run.status}>
        <span className="font-semibold">{names.source} → {names.candidate}</span> · status <span className="font-semibold">{run.runStatus}</span> · by {run.auto ? "auto" : run.actor}
        {run.error && <span role="alert" className="block text-red-700 dark:text-red-400">{run.error}</span>}
      </p>
      <WaitingForLeader waiting={run.waitingForLeader} />
      <ol className="space-y-3">
        {run.steps.map((s) => (
          <li key={s.id} data-step={s.id} data-status={s.status} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex justify-between"><span className="font-medium">{s.label}</span><span className={BADGE[s.status] ?? ""}>{s.status}</span></div>
            {s.error && <p className="text-red-700 dark:text-red-400">{s.error}</p>}
            {s.log.length > 0 && (
              <ul className="mt-2 space-y-1 font-mono text-xs">
                {s.log.map((l, i) => <li key={i} className={l.error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>{l.on ? `[${l.on}] ` : ""}{l.text}{l.ms !== undefined ? ` (${l.ms} ms)` : ""}{l.error ? ` — ${l.error}` : ""}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {run.report && (
        <section aria-label="Failover report" className="space-y-2">
          <h2 className="font-semibold">Report</h2>
          <p>{run.report.newSource} has <span className="font-mono text-xs">{run.report.newSourceHas || "—"}</span>.</p>
          <ul className="space-y-1">{run.report.replicas.map((r) => <li key={r.name} data-server={r.name}><span className="font-medium">{r.name}</span> ({r.role}): received <span className="font-mono text-xs">{r.retrieved || "—"}</span>, executed <span className="font-mono text-xs">{r.executed || "—"}</span></li>)}</ul>
          <p data-testid="lost" className={run.report.possiblyLost ? "text-red-700 dark:text-red-400" : ""}>{run.report.lostNote}</p>
        </section>
      )}
      {run.hooks.length > 0 && <ul className="text-xs text-slate-500">{run.hooks.map((h, i) => <li key={i}>{h}</li>)}</ul>}
    </div>
  );
}
