"use client";
// The wizard's first page: choose source and target and how to copy; creating the run runs nothing yet.
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { createRunAction, type RunFormState } from "@/lib/actions/bootstrap";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

const SELECT = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Source/target choice, the replication account, copy method and the explicit confirmations. */
export function RunForm({ servers }: { servers: { id: string; name: string; label: string }[] }) {
  const [state, dispatch, pending] = useActionState<RunFormState, FormData>(createRunAction, {});
  const [target, setTarget] = useState("");
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
  const err = state.fieldErrors ?? {};
  const pick = (name: string, label: string, inline = false) => (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} className={SELECT} defaultValue="" onChange={inline ? (e) => setTarget(e.target.value) : undefined}>
        <option value="" disabled>Choose a server…</option>
        {servers.map((s) => <option key={s.id} value={s.id}>{s.name} — {s.label}</option>)}
        {inline && <option value="__new">Register a new server…</option>}
      </select>
      {err[name] && <span className="text-xs text-red-600 dark:text-red-400">{err[name].join(" ")}</span>}
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-4" aria-busy={pending}>
      {state.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{state.error}</p>}
      <div className="grid grid-cols-2 gap-3">{pick("sourceId", "Source")}{pick("targetId", "Target (the new replica)", true)}</div>
      {target === "__new" && (
        <fieldset className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <legend className="px-1 text-sm font-medium">New target server</legend>
          <Field name="newName" label="Name" errors={err.newName} />
          <Field name="newHost" label="Host" errors={err.newHost} />
          <Field name="newPort" label="Port" type="number" defaultValue={3306} errors={err.newPort} />
          <Field name="newUser" label="User" errors={err.newUser} />
          <Field name="newPassword" label="Account password" type="password" autoComplete="new-password" errors={err.newPassword} />
        </fieldset>
      )}
      <div className="grid grid-cols-3 gap-3">
        <Field name="replUser" label="Replication user" defaultValue="replicator" errors={err.replUser} />
        <Field name="replHost" label="User host pattern" placeholder="target's address" errors={err.replHost} hint="Default: the target's address" />
        <Field name="replPassword" label="Password" type="password" autoComplete="new-password" errors={err.replPassword} hint="Blank: a strong one is generated" />
      </div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="reuseUser" /> Reuse an existing replication user (its grant is verified)</label>
      <label className="flex flex-col gap-1 text-sm font-medium">Copy method
        <select name="copyMode" defaultValue="auto" className={SELECT}>
          <option value="auto">Dump and load — consistent snapshot; read lock only if non-InnoDB tables exist</option>
          <option value="lock">Dump and load under a read lock (the classic procedure)</option>
          <option value="snapshot">Dump and load with --single-transaction only (InnoDB)</option>
          <option value="existing">Data already there: start at a position I give</option>
          <option value="clone">MySQL CLONE (MySQL 8.0.17+ pairs of one series)</option>
        </select>
      </label>
      <fieldset className="grid grid-cols-3 gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Data already there (only for that method)</legend>
        <Field name="startFile" label="Binlog file" placeholder="mysql-bin.000042" errors={err.startFile} />
        <Field name="startPos" label="Position" type="number" errors={err.startPos} />
        <Field name="startGtid" label="…or GTID set" placeholder="0-1-4242" errors={err.startGtid} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="useGtid" /> Position the replica by GTID (MariaDB gtid_slave_pos, MySQL auto-position)</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="overwriteTarget" /> The target&apos;s existing databases may be overwritten</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="resetTarget" /> The target&apos;s current replication may be reset</label>
      <div><Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create run (dry run first)"}</Button></div>
    </form>
  );
}
