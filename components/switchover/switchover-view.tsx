"use client";
// A switchover, live: each step with its statements, the stop button until the point of no return, and the report.
import { useState, useTransition } from "react";
import { stopSwitchoverAction } from "@/lib/actions/switchover";
import type { SwitchoverResponse } from "@/lib/services/switchover";
import { useSwitchover } from "@/lib/swr/use-switchover";
import { Button } from "../ui/button";
import { WaitingForLeader } from "../ui/waiting-for-leader";

const BADGE: Record<string, string> = { pending: "text-slate-500", running: "text-sky-700 dark:text-sky-300", done: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400", undone: "text-amber-700 dark:text-amber-300" };
const NO_RETURN = "promote";

/** The run page's live part (polls every second while the run runs). */
export function SwitchoverView({ initial, names, canStop }: { initial: SwitchoverResponse; names: { source: string; candidate: string }; canStop: boolean }) {
  const { data, mutate } = useSwitchover(initial);
  const run = data ?? initial;
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const beyond = run.steps.some((s, i) => s.status !== "pending" && i >= run.steps.findIndex((x) => x.id === NO_RETURN));
  const stop = () => start(async () => {
    const r = await stopSwitchoverAction(run.id);
    setMessage(r.error ?? "Stop requested: the switchover stops before the next step and undoes what it did.");
    await mutate();
  });
  return (
    <div className="space-y-4 text-sm">
      <p data-testid="switchover-status" data-status={run.status}>
        <span className="font-semibold">{names.source} → {names.candidate}</span> · status <span className="font-semibold">{run.status}</span> · by {run.actor}
        {run.error && <span role="alert" className="block text-red-700 dark:text-red-400">{run.error}</span>}
      </p>
      <WaitingForLeader waiting={run.waitingForLeader} />
      {run.status === "running" && canStop && (beyond ? <p className="text-amber-800 dark:text-amber-200">Past the point of no return: the switchover finishes on its own.</p> : <Button variant="danger" disabled={pending} onClick={stop}>Stop the switchover</Button>)}
      {message && <p role="status" className="rounded-md bg-slate-100 px-3 py-2 dark:bg-slate-800">{message}</p>}
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
        <section aria-label="Where each server stands">
          <h2 className="mb-2 font-semibold">Where each server stands</h2>
          <ul className="space-y-1">{run.report.map((r) => <li key={r.name} data-server={r.name}><span className="font-medium">{r.name}</span> ({r.role}): {r.standing}</li>)}</ul>
        </section>
      )}
    </div>
  );
}
