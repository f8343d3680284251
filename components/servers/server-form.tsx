"use client";
// Add / edit form for a server; keeps what the user typed when the server action reports errors.
import { type FormEvent, startTransition, useActionState, useState } from "react";
import type { ServerFormState } from "@/lib/actions/servers";
import type { ServerRecord } from "@/lib/data/servers";
import { movesEndpoint, PASSWORD_AGAIN } from "@/lib/domain/endpoint-change";
import { TLS_MODES } from "@/lib/domain/tls-mode";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

/** Props: the action to call, and the server being edited (none when adding). */
export interface ServerFormProps {
  action: (prev: ServerFormState, form: FormData) => Promise<ServerFormState>;
  server?: ServerRecord;
  prefill?: { host?: string; port?: number };
}

/** The registration form; submitting tests the connection too, so it may take a few seconds. */
export function ServerForm({ action, server, prefill }: ServerFormProps) {
  const [state, dispatch, pending] = useActionState(action, {});
  const [endpoint, setEndpoint] = useState<{ host?: string; port?: string }>({});
  const moved = !!server && movesEndpoint(server, endpoint);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
  const err = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate aria-busy={pending}>
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {state.error}
        </p>
      )}
      <Field name="name" label="Name" defaultValue={server?.name} errors={err.name} required />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <Field name="host" label="Host" defaultValue={server?.host ?? prefill?.host} errors={err.host} required placeholder="db1.example.com" onChange={(e) => setEndpoint((v) => ({ ...v, host: e.target.value }))} />
        <Field name="port" label="Port" type="number" defaultValue={server?.port ?? prefill?.port ?? 3306} errors={err.port} onChange={(e) => setEndpoint((v) => ({ ...v, port: e.target.value }))} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field name="user" label="User" defaultValue={server?.user} errors={err.user} autoComplete="off" required />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          errors={err.password}
          required={moved}
          hint={moved ? `${PASSWORD_AGAIN}: the stored one is only used where it was entered for.` : server ? "Leave blank to keep the stored password." : "Stored encrypted; never shown again."}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="tlsMode" className="text-sm font-medium">TLS</label>
        <select id="tlsMode" name="tlsMode" defaultValue={server?.tlsMode ?? "disabled"} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
          {TLS_MODES.map((m) => (
            <option key={m} value={m}>{m === "verify" ? "required, verify certificate" : m}</option>
          ))}
        </select>
        {err.tlsMode && <p className="text-xs text-red-600 dark:text-red-400">{err.tlsMode.join(" ")}</p>}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field name="cluster" label="Cluster (optional)" defaultValue={server?.cluster ?? ""} errors={err.cluster} />
        <Field name="tags" label="Tags (optional)" defaultValue={server?.tags.join(", ")} errors={err.tags} hint="Comma separated" />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field name="lagWarnSeconds" label="Lag warning (s)" type="number" min={0} defaultValue={server?.lagWarnSeconds ?? ""} errors={err.lagWarnSeconds} hint="Blank: default (10 s)" />
        <Field name="lagCritSeconds" label="Lag critical (s)" type="number" min={0} defaultValue={server?.lagCritSeconds ?? ""} errors={err.lagCritSeconds} hint="Blank: default (60 s)" />
      </div>
      <div className="grid gap-1 text-sm">
        <label htmlFor="promotionRule" className="font-medium">Failover promotion rule</label>
        <select id="promotionRule" name="promotionRule" defaultValue={server?.promotionRule ?? "neutral"} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
          <option value="prefer">prefer: promote this one first when it is ready</option>
          <option value="neutral">neutral</option>
          <option value="must_not">must_not: never promote it (backup, reporting, other data centre)</option>
        </select>
        {err.promotionRule && <span className="text-xs text-red-600 dark:text-red-400">{err.promotionRule.join(" ")}</span>}
      </div>
      <fieldset className="grid grid-cols-2 items-end gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Heartbeat (optional)</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="heartbeatEnabled" defaultChecked={server?.heartbeatEnabled ?? false} />
          Write a pt-heartbeat row every second on this source
        </label>
        <Field name="heartbeatSchema" label="Heartbeat schema" defaultValue={server?.heartbeatSchema ?? "replscope"} errors={err.heartbeatSchema} hint="Needs CREATE and INSERT there; replicas need SELECT." />
      </fieldset>
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800" open={!!(server?.allowPublicKeyRetrieval || server?.serverPublicKey || err.serverPublicKey || err.allowPublicKeyRetrieval)}>
        <summary className="cursor-pointer text-sm font-medium">Advanced authentication</summary>
        <div className="mt-3 grid gap-3">
          <p className="text-xs text-slate-500">
            Without verified TLS, a server using caching_sha2_password or sha256_password may ask for the password encrypted with its RSA public key.
            replscope sends it only with a key pinned here, or with a key fetched from the server when you allow that below; otherwise the connection fails and says so.
          </p>
          <div className="flex flex-col gap-1">
            <label htmlFor="serverPublicKey" className="text-sm font-medium">Pinned RSA public key (optional)</label>
            <textarea
              id="serverPublicKey"
              name="serverPublicKey"
              rows={4}
              defaultValue={server?.serverPublicKey ?? ""}
              placeholder="-----BEGIN PUBLIC KEY-----"
              aria-invalid={err.serverPublicKey ? true : undefined}
              aria-describedby={err.serverPublicKey ? "serverPublicKey-error" : undefined}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-xs aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-900"
            />
            {err.serverPublicKey ? (
              <p id="serverPublicKey-error" className="text-xs text-red-600 dark:text-red-400">{err.serverPublicKey.join(" ")}</p>
            ) : (
              <p className="text-xs text-slate-500">On the server: SHOW STATUS LIKE &apos;Caching_sha2_password_rsa_public_key&apos; (or Rsa_public_key). Blank: no pinned key.</p>
            )}
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="allowPublicKeyRetrieval" defaultChecked={server?.allowPublicKeyRetrieval ?? false} className="mt-1" />
            <span>
              Allow public-key retrieval: fetch the key from the server when none is pinned.
              <span className="block text-xs text-slate-500">Off by default: whoever can intercept the connection could hand over a key of its own.</span>
            </span>
          </label>
          {err.allowPublicKeyRetrieval && <p className="text-xs text-red-600 dark:text-red-400">{err.allowPublicKeyRetrieval.join(" ")}</p>}
        </div>
      </details>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving and testing…" : server ? "Save and test" : "Add and test"}</Button>
      </div>
    </form>
  );
}
