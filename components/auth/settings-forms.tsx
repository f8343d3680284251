"use client";
// Admin forms: add a user, change, reset, sign out or remove one, create (shown once) and revoke API tokens.
import { useActionState, useState, useTransition } from "react";
import { resetPasswordAction, signOutUserAction } from "@/lib/actions/account";
import { changeUserAction, createTokenAction, createUserAction, revokeTokenAction } from "@/lib/actions/auth";
import { ROLES } from "@/lib/domain/auth";
import { ActionButton } from "../ui/action-button";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Adds a user with a role. */
export function AddUserForm() {
  const [state, dispatch, pending] = useActionState(createUserAction, {});
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-3" aria-label="Add user">
      <Field name="username" label="User name" errors={state.fieldErrors?.username} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" errors={state.fieldErrors?.password} />
      <label className="flex flex-col gap-1 text-sm font-medium">Role<select name="role" className={SELECT} defaultValue="viewer">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
      <Button type="submit" disabled={pending}>Add user</Button>
      {state.error && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </form>
  );
}

/** Role select and remove button for one user. */
export function UserControls({ id, role, name }: { id: string; role: string; name: string }) {
  const [pending, start] = useTransition();
  return (
    <span className="flex gap-2">
      <select aria-label={`Role of ${name}`} defaultValue={role} disabled={pending} className={SELECT} onChange={(e) => start(async () => void (await changeUserAction(id, e.target.value as never)))}>
        {ROLES.map((r) => <option key={r}>{r}</option>)}
      </select>
      <Button type="button" variant="danger" disabled={pending} onClick={() => window.confirm(`Remove ${name}?`) && start(async () => void (await changeUserAction(id, "delete")))}>Remove</Button>
    </span>
  );
}

/** Sets a user's password (they are signed out everywhere), behind a toggle. */
export function ResetPasswordForm({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState(resetPasswordAction.bind(null, id), {});
  if (!open) return <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Set password…</Button>;
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-2" aria-label={`Set password of ${name}`}>
      <Field id={`password-${id}`} name="password" label="New password" type="password" autoComplete="new-password" required errors={state.fieldErrors?.password} />
      <Field id={`confirm-${id}`} name="confirm" label="Again" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      <Button type="submit" disabled={pending}>Set password</Button>
      <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
      {state.done && <p role="status" className="w-full text-sm text-emerald-700 dark:text-emerald-400">{state.done}</p>}
      {state.error && !state.fieldErrors && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </form>
  );
}

/** Ends every session of a user. */
export function SignOutUserButton({ id, name, sessions }: { id: string; name: string; sessions: number }) {
  return <ActionButton run={() => signOutUserAction(id)} disabled={sessions === 0} aria-label={`Sign out ${name} everywhere`}>Sign out</ActionButton>;
}

/** Creates a token and shows it once. */
export function AddTokenForm() {
  const [state, dispatch, pending] = useActionState(createTokenAction, {});
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-3" aria-label="Create token">
      <Field name="name" label="Token name" errors={state.fieldErrors?.name} />
      <label className="flex flex-col gap-1 text-sm font-medium">Role<select name="role" className={SELECT} defaultValue="viewer">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
      <Button type="submit" disabled={pending}>Create token</Button>
      {state.token && <p role="status" className="w-full text-sm">Copy it now, it is not shown again: <code data-testid="new-token" className="break-all rounded bg-slate-100 px-1 dark:bg-slate-800">{state.token}</code></p>}
      {state.error && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </form>
  );
}

/** Revokes one token. */
export function RevokeToken({ id }: { id: string }) {
  const [pending, start] = useTransition();
  return <Button type="button" variant="secondary" disabled={pending} onClick={() => start(async () => void (await revokeTokenAction(id)))}>Revoke</Button>;
}
