"use client";
// User name + password form for sign-in and first-run setup.
import { type FormEvent, startTransition, useActionState } from "react";
import type { AuthFormState } from "@/lib/actions/auth";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

/** Posts to the given action; keeps the user name on errors. `setupCode` adds the one-time setup code field (first run). */
export function CredentialsForm({ action, submit, next, setupCode }: { action: (prev: AuthFormState, form: FormData) => Promise<AuthFormState>; submit: string; next?: string; setupCode?: boolean }) {
  const [state, dispatch, pending] = useActionState(action, {});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
  return (
    <form onSubmit={onSubmit} className="grid max-w-sm gap-3">
      {state.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">{state.error}</p>}
      <input type="hidden" name="next" value={next ?? "/"} />
      {setupCode && <Field name="code" label="Setup code" hint="Printed on replscope's console at start (also in the data directory's setup-code file)" autoComplete="off" spellCheck={false} errors={state.fieldErrors?.code} />}
      <Field name="username" label="User name" autoComplete="username" errors={state.fieldErrors?.username} required />
      <Field name="password" label="Password" type="password" autoComplete={submit === "Sign in" ? "current-password" : "new-password"} errors={state.fieldErrors?.password} required />
      <div><Button type="submit" disabled={pending}>{pending ? "…" : submit}</Button></div>
    </form>
  );
}
