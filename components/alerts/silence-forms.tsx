"use client";
// Silence forms (operator): create one on /alerts, "Silence 1 h" on a server page, and expire one.
import { useActionState, useState } from "react";
import { createSilenceAction, expireSilenceAction, type SilenceFormState } from "@/lib/actions/alerts";
import { ActionButton } from "../ui/action-button";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { SelectField } from "../ui/select-field";
import { submitKeeping, useResetOnDone } from "./keep-form";

const INITIAL: SilenceFormState = {};

function FormMessages({ state }: { state: SilenceFormState }) {
  return (
    <>
      {state.done && <p role="status" className="w-full text-sm text-emerald-700 dark:text-emerald-400">{state.done}</p>}
      {state.error && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </>
  );
}

/** The end time as the browser's local datetime, sent as an ISO instant so the server never guesses the time zone. */
function EndTimeField({ errors }: { errors?: string[] }) {
  const [local, setLocal] = useState("");
  const iso = local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : "";
  return (
    <>
      <Field id="silence-until" name="untilLocal" label="or until (your time)" type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} errors={errors} />
      <input type="hidden" name="endsAt" value={iso} />
    </>
  );
}

/** Creates a silence: any of server, cluster and code, a duration or an end time, and a required reason. */
export function CreateSilenceForm({ servers, clusters, codes }: { servers: { id: string; name: string }[]; clusters: string[]; codes: string[] }) {
  const [state, dispatch, pending] = useActionState(createSilenceAction, INITIAL);
  const fe = state.fieldErrors ?? {};
  const ref = useResetOnDone(state);
  return (
    <form ref={ref} onSubmit={submitKeeping(dispatch)} noValidate aria-label="Create silence" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <SelectField id="silence-server" name="serverId" label="Server" defaultValue="" errors={fe.serverId}><option value="">any</option>{servers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</SelectField>
      <SelectField id="silence-cluster" name="cluster" label="Cluster" defaultValue="" errors={fe.cluster}><option value="">any</option>{clusters.map((c) => <option key={c}>{c}</option>)}</SelectField>
      <SelectField id="silence-code" name="code" label="Problem code" defaultValue="" errors={fe.code}><option value="">any</option>{codes.map((c) => <option key={c}>{c}</option>)}</SelectField>
      <Field id="silence-minutes" name="minutes" label="For (minutes)" type="number" min={1} defaultValue={60} className="w-28 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900" errors={fe.minutes} />
      <EndTimeField errors={fe.endsAt} />
      <Field id="silence-reason" name="reason" label="Reason" required maxLength={500} errors={fe.reason} />
      <Button type="submit" disabled={pending}>Create silence</Button>
      <FormMessages state={state} />
    </form>
  );
}

/** "Silence 1 h" on a server page: asks for the reason, then silences every alert of this server for an hour. */
export function SilenceServerButton({ serverId, serverName }: { serverId: string; serverName: string }) {
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState(createSilenceAction, INITIAL);
  if (!open) return <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Silence 1 h</Button>;
  return (
    <form onSubmit={submitKeeping(dispatch)} noValidate aria-label={`Silence ${serverName}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="serverId" value={serverId} />
      <input type="hidden" name="minutes" value="60" />
      <Field id="silence-server-reason" name="reason" label="Reason for silencing 1 h" required maxLength={500} autoFocus errors={state.fieldErrors?.reason} />
      <Button type="submit" disabled={pending}>Silence {serverName} for 1 h</Button>
      <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
      <FormMessages state={state} />
    </form>
  );
}

/** Ends a silence now. */
export function ExpireSilenceButton({ id, scope }: { id: string; scope: string }) {
  return <ActionButton run={() => expireSilenceAction(id)} aria-label={`Expire silence of ${scope}`}>Expire</ActionButton>;
}
