"use client";
// Starts a failover: the new source (or "auto": the top-ranked ready one) and the dead source's name typed.
import { useActionState, useState } from "react";
import { type FailoverFormState, startFailoverAction } from "@/lib/actions/failover";
import { Button } from "../ui/button";

const input = "rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/** The form; only ready candidates can be chosen. */
export function FailoverForm({ sourceId, sourceName, candidates }: { sourceId: string; sourceName: string; candidates: { id: string; name: string }[] }) {
  const [candidate, setCandidate] = useState("auto");
  const [state, submit, pending] = useActionState<FailoverFormState, FormData>(startFailoverAction.bind(null, sourceId), {});
  const name = candidate === "auto" ? candidates[0]?.name : candidates.find((c) => c.id === candidate)?.name;
  return (
    <form action={submit} aria-label="Start failover" className="max-w-xl space-y-3 rounded-md border border-slate-200 p-4 text-sm dark:border-slate-800">
      <label className="flex flex-col gap-1">New source
        <select name="candidateId" value={candidate} onChange={(e) => setCandidate(e.target.value)} className={input}>
          <option value="auto">The top-ranked candidate ({candidates[0]?.name})</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <p className="text-amber-900 dark:text-amber-200">⚠ The new source becomes writable at the promote step (point of no return). Point your applications at it afterwards; when {sourceName} comes back it is fenced read-only.</p>
      <label className="flex flex-col gap-1"><span>Type <strong>{sourceName}</strong> to confirm</span>
        <input name="confirm" aria-label="Source name" autoComplete="off" className={input} />
      </label>
      {state.error && <p role="alert" className="text-red-700 dark:text-red-400">{state.error}</p>}
      <Button type="submit" variant="danger" disabled={pending || !candidates.length}>{pending ? "Starting…" : `Fail over to ${name ?? "…"}`}</Button>
    </form>
  );
}
