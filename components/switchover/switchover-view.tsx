"use client";
// A switchover, live: the shared run view with the stop button until the point of no return, then where each server stands.
import { useState, useTransition } from "react";
import { SWITCHOVER_PLAN } from "@/lib/domain/switchover/plan";
import { stopSwitchoverAction } from "@/lib/actions/switchover";
import type { SwitchoverResponse } from "@/lib/services/switchover";
import { useSwitchover } from "@/lib/swr/use-switchover";
import { RunView } from "../runs/run-view";
import { Button } from "../ui/button";

/** Stop button while the run is undoable, the notice once it is past the point of no return. */
function StopControl({ run, onStop, pending }: { run: SwitchoverResponse; onStop: () => void; pending: boolean }) {
  const beyond = run.steps.some((s) => s.status !== "pending" && SWITCHOVER_PLAN.pastNoReturn(s.id));
  if (beyond) return <p className="text-amber-800 dark:text-amber-200">Past the point of no return: the switchover finishes on its own.</p>;
  return <Button variant="danger" disabled={pending} onClick={onStop}>Stop the switchover</Button>;
}

/** The run page's live part (polls every second while the run runs). */
export function SwitchoverView({ initial, names, canStop }: { initial: SwitchoverResponse; names: { source: string; candidate: string }; canStop: boolean }) {
  const { data, mutate } = useSwitchover(initial);
  const run = data ?? initial;
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const stop = () => start(async () => {
    const r = await stopSwitchoverAction(run.id);
    setMessage(r.error ?? "Stop requested: the switchover stops before the next step and undoes what it did.");
    await mutate();
  });
  const controls = (
    <>
      {run.status === "running" && canStop && <StopControl run={run} onStop={stop} pending={pending} />}
      {message && <p role="status" className="rounded-md bg-slate-100 px-3 py-2 dark:bg-slate-800">{message}</p>}
    </>
  );
  return (
    <RunView kind="switchover" names={names} status={run.status} shownStatus={run.status} by={run.actor} error={run.error} steps={run.steps} waitingForLeader={run.waitingForLeader} controls={controls}>
      {run.report && (
        <section aria-label="Where each server stands">
          <h2 className="mb-2 font-semibold">Where each server stands</h2>
          <ul className="space-y-1">{run.report.map((r) => <li key={r.name} data-server={r.name}><span className="font-medium">{r.name}</span> ({r.role}): {r.standing}</li>)}</ul>
        </section>
      )}
    </RunView>
  );
}
