// A run of a kind (switchover, failover), live: who moves where and its status, each step with its statements and
// log, then the kind's own controls and report.
import type { ReactNode } from "react";
import type { RunLogLine } from "@/lib/domain/runs/record";
import { WaitingForLeader } from "../ui/waiting-for-leader";
import type { LeaderWait } from "@/lib/domain/runs/leader-wait";

const BADGE: Record<string, string> = { pending: "text-slate-500", running: "text-sky-700 dark:text-sky-300", done: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400", undone: "text-amber-700 dark:text-amber-300" };

/** A step as the run page shows it. */
export interface RunViewStep {
  id: string;
  label: string;
  status: string;
  error: string | null;
  log: Omit<RunLogLine, "at">[];
}

/** What the header and the step list need of any run. */
export interface RunViewProps {
  kind: "switchover" | "failover";
  names: { source: string; candidate: string };
  /** The status tests and scripts read (`data-status`), and the one shown. */
  status: string;
  shownStatus: string;
  by: string;
  error: string | null;
  steps: RunViewStep[];
  /** True while the run, requested on a follower, waits for the leader to claim it. */
  waitingForLeader?: LeaderWait | null;
  /** Between the header and the steps (the switchover's stop button). */
  controls?: ReactNode;
  /** After the steps (the report). */
  children?: ReactNode;
}

/** One step: label, status, error and its log lines. */
function StepItem({ s }: { s: RunViewStep }) {
  return (
    <li data-step={s.id} data-status={s.status} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex justify-between"><span className="font-medium">{s.label}</span><span className={BADGE[s.status] ?? ""}>{s.status}</span></div>
      {s.error && <p className="text-red-700 dark:text-red-400">{s.error}</p>}
      {s.log.length > 0 && (
        <ul className="mt-2 space-y-1 font-mono text-xs">
          {s.log.map((l, i) => <li key={i} className={l.error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>{l.on ? `[${l.on}] ` : ""}{l.text}{l.ms !== undefined ? ` (${l.ms} ms)` : ""}{l.error ? ` — ${l.error}` : ""}</li>)}
        </ul>
      )}
    </li>
  );
}

/** The run page's shared part: header (`<kind>-status`), the kind's controls, the steps, the kind's report. */
export function RunView({ kind, names, status, shownStatus, by, error, steps, waitingForLeader, controls, children }: RunViewProps) {
  return (
    <div className="space-y-4 text-sm">
      <p data-testid={`${kind}-status`} data-status={status}>
        <span className="font-semibold">{names.source} → {names.candidate}</span> · status <span className="font-semibold">{shownStatus}</span> · by {by}
        {error && <span role="alert" className="block text-red-700 dark:text-red-400">{error}</span>}
      </p>
      <WaitingForLeader wait={waitingForLeader} />
      {controls}
      <ol className="space-y-3">{steps.map((s) => <StepItem key={s.id} s={s} />)}</ol>
      {children}
    </div>
  );
}
