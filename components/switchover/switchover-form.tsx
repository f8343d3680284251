"use client";
// Starts a switchover: the new source, the replication account the old source will use, and the source's name typed.
import { useActionState, useState } from "react";
import { startSwitchoverAction, type SwitchoverFormState } from "@/lib/actions/switchover";
import { Button } from "../ui/button";

type Candidate = { id: string; name: string; ready: boolean; replUser: string };
const input = "rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/** The form; only ready candidates can be chosen. */
export function SwitchoverForm({ sourceId, sourceName, candidates }: { sourceId: string; sourceName: string; candidates: Candidate[] }) {
  const ready = candidates.filter((c) => c.ready);
  const [candidate, setCandidate] = useState(ready[0]?.id ?? "");
  const [state, submit, pending] = useActionState<SwitchoverFormState, FormData>(startSwitchoverAction.bind(null, sourceId), {});
  const chosen = ready.find((c) => c.id === candidate);
  return (
    <form action={submit} aria-label="Start switchover" className="max-w-xl space-y-3 rounded-md border border-slate-200 p-4 text-sm dark:border-slate-800">
      <label className="flex flex-col gap-1">New source
        <select name="candidateId" value={candidate} onChange={(e) => setCandidate(e.target.value)} className={input}>
          {ready.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">Replication user the old source connects with
        <input name="replUser" key={candidate} defaultValue={chosen?.replUser ?? ""} required className={input} />
      </label>
      <label className="flex flex-col gap-1">Its password (used once, for the old source; stored encrypted, never shown)
        <input name="replPassword" type="password" required autoComplete="off" className={input} />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="skipCredentialCheck" /> Skip the credential check (the account does not accept connections from replscope&apos;s address)
      </label>
      <label className="flex flex-col gap-1">Give up waiting for replicas to catch up after (seconds)
        <input name="catchUpSeconds" type="number" min={5} max={3600} defaultValue={60} className={input} />
      </label>
      <p className="text-amber-900 dark:text-amber-200">⚠ {sourceName} stops accepting writes at the second step. You can stop the switchover until the candidate is promoted; stopping undoes everything.</p>
      <label className="flex flex-col gap-1"><span>Type <strong>{sourceName}</strong> to confirm</span>
        <input name="confirm" aria-label="Source name" autoComplete="off" className={input} />
      </label>
      {state.error && <p role="alert" className="text-red-700 dark:text-red-400">{state.error}</p>}
      <Button type="submit" variant="danger" disabled={pending || !candidate}>{pending ? "Starting…" : `Switch ${sourceName} over to ${chosen?.name ?? "…"}`}</Button>
    </form>
  );
}
