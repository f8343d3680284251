"use client";
// Admin forms for notification channels: create or edit per kind (secrets write-only), delete, send a test.
import { useActionState, useState, useTransition } from "react";
import { type ChannelFormState, deleteChannelAction, saveChannelAction, testChannelAction } from "@/lib/actions/alerts";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind } from "@/lib/domain/alert-forms";
import type { ChannelView } from "@/lib/domain/alert-view";
import type { FieldErrors } from "@/lib/domain/server-input";
import { ActionButton } from "../ui/action-button";
import { submitKeeping, useResetOnDone } from "./keep-form";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { SelectField } from "../ui/select-field";

const INITIAL: ChannelFormState = {};
const isKind = (k: string): k is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(k);

/** Fields of one kind; `c` prefills an edit (never with a secret: a set secret only changes the placeholder). */
function KindFields({ kind, c, fe, idp }: { kind: ChannelKind; c?: ChannelView; fe: FieldErrors; idp: string }) {
  const keep = "set — leave blank to keep";
  if (kind === "email") {
    const s = c?.smtp;
    return (
      <>
        <Field id={`${idp}-smtpHost`} name="smtpHost" label="SMTP host" defaultValue={s?.host ?? ""} required errors={fe.smtp} />
        <Field id={`${idp}-smtpPort`} name="smtpPort" label="SMTP port" type="number" min={1} max={65535} defaultValue={s?.port ?? 587} />
        <SelectField id={`${idp}-smtpTls`} name="smtpTls" label="TLS" defaultValue={s?.tls ?? "starttls"}>
          <option value="starttls">STARTTLS</option><option value="tls">TLS (implicit)</option><option value="none">none</option>
        </SelectField>
        <Field id={`${idp}-smtpUser`} name="smtpUser" label="SMTP user" autoComplete="off" defaultValue={s?.user ?? ""} />
        <Field id={`${idp}-smtpPassword`} name="smtpPassword" label="SMTP password" type="password" autoComplete="new-password" placeholder={s?.hasPassword ? keep : ""} />
        <Field id={`${idp}-smtpFrom`} name="smtpFrom" label="From" type="email" defaultValue={s?.from ?? ""} required />
        <Field id={`${idp}-to`} name="to" label="To (comma-separated)" defaultValue={c?.to.join(", ") ?? ""} required errors={fe.to} />
      </>
    );
  }
  return (
    <>
      <Field id={`${idp}-url`} name="url" label={kind === "alertmanager" ? "Alertmanager URL" : kind === "slack" ? "Incoming webhook URL" : "URL"} type="url" defaultValue={c?.url ?? ""} required className="w-80 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900" errors={fe.url} />
      {kind === "webhook" && <Field id={`${idp}-secret`} name="secret" label="Signing secret" type="password" autoComplete="new-password" placeholder={c?.hasSecret ? keep : "optional"} errors={fe.secret} />}
    </>
  );
}

/** The filters every kind has: least severity, and clusters (none = all). */
function FilterFields({ c, fe, idp }: { c?: ChannelView; fe: FieldErrors; idp: string }) {
  return (
    <>
      <SelectField id={`${idp}-minSeverity`} name="minSeverity" label="Least severity" defaultValue={c?.minSeverity ?? "warning"} errors={fe.minSeverity}><option value="warning">warning</option><option value="critical">critical</option></SelectField>
      <Field id={`${idp}-clusters`} name="clusters" label="Clusters (comma-separated; empty: all)" defaultValue={c?.clusters.join(", ") ?? ""} errors={fe.clusters} />
    </>
  );
}

/** One channel's form: create (kind chosen here) or edit (kind fixed). */
export function ChannelForm({ channel, onDone }: { channel?: ChannelView; onDone?: () => void }) {
  const [kind, setKind] = useState<ChannelKind>(channel && isKind(channel.kind) ? channel.kind : "webhook");
  const [state, dispatch, pending] = useActionState(saveChannelAction.bind(null, channel?.id ?? null, kind), INITIAL);
  const fe = state.fieldErrors ?? {};
  const idp = channel ? `ch-${channel.id}` : "ch-new";
  const created = useResetOnDone(state, !channel);
  return (
    <form ref={created} onSubmit={submitKeeping(dispatch)} noValidate aria-label={channel ? `Edit channel ${channel.name}` : "Add channel"} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      {!channel && (
        <SelectField id={`${idp}-kind`} name="kind" label="Kind" value={kind} onChange={(e) => isKind(e.target.value) && setKind(e.target.value)}>
          {CHANNEL_KINDS.map((k) => <option key={k} value={k}>{CHANNEL_KIND_LABELS[k]}</option>)}
        </SelectField>
      )}
      <Field id={`${idp}-name`} name="name" label="Name" defaultValue={channel?.name ?? ""} required maxLength={64} errors={fe.name} />
      <KindFields kind={kind} c={channel} fe={fe} idp={idp} />
      <FilterFields c={channel} fe={fe} idp={idp} />
      <Button type="submit" disabled={pending}>{channel ? "Save channel" : "Add channel"}</Button>
      {onDone && <Button type="button" variant="secondary" onClick={onDone}>Close</Button>}
      {state.done && <p role="status" className="w-full text-sm text-emerald-700 dark:text-emerald-400">{state.done}</p>}
      {state.error && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </form>
  );
}

/** Sends a test notification and shows { ok, detail }. */
export function TestChannelButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; detail: string } | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" disabled={pending} aria-label={`Send test notification through ${name}`} onClick={() => start(async () => setResult(await testChannelAction(id)))}>
        Send test notification
      </Button>
      {result && <span role="status" data-ok={result.ok} className={`text-sm ${result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}>{result.ok ? "ok" : "failed"}: {result.detail}</span>}
    </span>
  );
}

/** Edit (toggles the form), test and delete for one channel row. */
export function ChannelControls({ channel }: { channel: ChannelView }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <TestChannelButton id={channel.id} name={channel.name} />
        <Button type="button" variant="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${channel.name}`}>Edit</Button>
        <ActionButton run={() => (window.confirm(`Delete channel ${channel.name}? Notifications waiting for it are dropped.`) ? deleteChannelAction(channel.id) : Promise.resolve({}))} aria-label={`Delete ${channel.name}`}>Delete</ActionButton>
      </div>
      {editing && <ChannelForm channel={channel} onDone={() => setEditing(false)} />}
    </div>
  );
}
