"use client";
// Own account: change the password; sign out the other sessions.
import { useActionState } from "react";
import { changePasswordAction, signOutOtherSessionsAction } from "@/lib/actions/account";
import { ActionButton } from "../ui/action-button";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

/** Current password, new password twice; on success the other sessions are signed out. */
export function ChangePasswordForm() {
  const [state, dispatch, pending] = useActionState(changePasswordAction, {});
  return (
    <form action={dispatch} className="flex max-w-md flex-col gap-3" aria-label="Change password">
      <Field name="current" label="Current password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.current} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters" required errors={state.fieldErrors?.password} />
      <Field name="confirm" label="New password again" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      <div><Button type="submit" disabled={pending}>Change password</Button></div>
      {state.done && <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{state.done}</p>}
      {state.error && !state.fieldErrors && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{state.error}</p>}
    </form>
  );
}

/** Ends every session of the user except this one (a lost laptop, a shared machine). */
export function SignOutOthersButton({ others }: { others: number }) {
  return <ActionButton run={signOutOtherSessionsAction} disabled={others === 0}>Sign out other sessions</ActionButton>;
}
