"use client";
// A run, live: steps with their state and log, preflight verdicts with fixes, copy progress, the plan and runbook, actions.
import { useState, useTransition } from "react";
import { abortRunAction, advanceRunAction } from "@/lib/actions/bootstrap";
import type { RunResponse } from "@/lib/services/bootstrap/runs";
import { WaitingForLeader } from "../ui/waiting-for-leader";
import { useRun } from "@/lib/swr/use-run";
import { Button } from "../ui/button";
import { CopyProgressBar } from "./copy-progress";
import { StepLog } from "./step-log";

const TITLES: Record<string, string> = { preflight: "Preflight checks", replication_user: "Replication user", copy: "Copy the data", point: "Point the target at the source", start: "Start replication", verify: "Verify", register: "Register as replica" };
const BADGE: Record<string, string> = { pending: "text-slate-500", running: "text-sky-700 dark:text-sky-300", done: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400" };

/** The run page's live part. */
export function RunView({ initial, names }: { initial: RunResponse; names: { source: string; target: string } }) {
  const { data, mutate } = useRun(initial);
  const { run, plan, waitingForLeader } = data ?? initial;
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [showRunbook, setShowRunbook] = useState(false);
  const doAction = (fn: () => Promise<{ error?: string; message?: string; undone?: string[]; notUndone?: string[] }>) => start(async () => {
    const r = await fn();
    setMessage(r.error ?? r.message ?? [...(r.undone ?? []), ...(r.notUndone ?? [])].join(" ") ?? null);
    await mutate();
  });
  const busy = pending || run.status === "running" || !!waitingForLeader;
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="run-status" data-status={run.status}>
        <span className="font-semibold">{names.source} → {names.target}</span> · status <span className="font-semibold">{run.status}</span>
        {run.error && <span className="block text-red-700 dark:text-red-400" role="alert">{run.error}</span>}
      </p>
      <WaitingForLeader wait={waitingForLeader} />
      {message && <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">{message}</p>}
      <div className="flex flex-wrap gap-2">
        {(run.status === "planned" || run.status === "waiting") && <>
          <Button type="button" disabled={busy} onClick={() => doAction(() => advanceRunAction(run.id, "next"))}>Run next step: {TITLES[run.currentStep]}</Button>
          <Button type="button" variant="secondary" disabled={busy} onClick={() => doAction(() => advanceRunAction(run.id, "all"))}>Run all remaining steps</Button>
        </>}
        {(run.status === "failed" || run.status === "interrupted") && <Button type="button" disabled={busy} onClick={() => doAction(() => advanceRunAction(run.id, "retry"))}>Retry: {TITLES[run.currentStep]}</Button>}
        {run.status !== "done" && run.status !== "aborted" && (
          <Button type="button" variant="danger" disabled={pending} onClick={() => window.confirm(`Abort this run? replscope stops what runs, drops the replication user it created and resets replication on ${names.target}.`) && doAction(() => abortRunAction(run.id))}>
            {run.status === "running" ? "Cancel and abort" : "Abort"}
          </Button>
        )}
      </div>
      {run.status === "running" && run.currentStep === "copy" && run.progress && <CopyProgressBar p={run.progress as never} />}
      <ol className="space-y-2">
        {run.steps.map((s, i) => (
          <li key={s.stepId} data-step={s.stepId} data-step-status={s.status} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex items-center justify-between text-sm">
              <span className="font-medium">{i + 1}. {TITLES[s.stepId]}</span>
              <span className={`font-semibold ${BADGE[s.status]}`}>{s.status}</span>
            </div>
            {s.error && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{s.error}</p>}
            <StepLog log={s.log as never} />
            {s.status === "pending" && plan && <PlannedActions actions={plan.steps.find((p) => p.id === s.stepId)?.actions ?? []} />}
          </li>
        ))}
      </ol>
      {plan && (
        <div>
          <button type="button" className="text-sm text-sky-700 underline dark:text-sky-300" onClick={() => setShowRunbook(!showRunbook)}>{showRunbook ? "Hide" : "Show"} the runbook (every command, to run by hand)</button>
          {showRunbook && <pre tabIndex={0} aria-label="Runbook" className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{plan.runbook}</pre>}
        </div>
      )}
    </div>
  );
}

function PlannedActions({ actions }: { actions: ({ on: string; sql: string } | { shell: string })[] }) {
  if (!actions.length) return null;
  return (
    <ul aria-label="Will run" className="mt-2 space-y-0.5 font-mono text-xs text-slate-500">
      {actions.map((a, i) => <li key={i}>{"sql" in a ? `[${a.on}] ${a.sql}` : `$ ${a.shell}`}</li>)}
    </ul>
  );
}
