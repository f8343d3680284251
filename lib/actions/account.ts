"use server";
// Own account (any signed-in user): change password, sign out other sessions. Admin: reset a user's password, sign a user out.
import { revalidatePath } from "next/cache";
import * as accounts from "@/lib/services/accounts";
import { callerOf, guard, sessionGuard } from "@/lib/services/session";

/** A password form's state after submit. */
export interface PasswordFormState {
  done?: string;
  error?: string;
  fieldErrors?: Partial<Record<"current" | "password" | "confirm", string[]>>;
}

const stateOf = (r: accounts.AccountResult, done: string): PasswordFormState =>
  r.ok ? { done } : { error: r.error, fieldErrors: r.field ? { [r.field]: [r.error] } : undefined };

/** The signed-in user changes their password; their other sessions end. */
export async function changePasswordAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const g = await sessionGuard();
  if ("error" in g) return { error: g.error };
  const input = { current: form.get("current"), password: form.get("password"), confirm: form.get("confirm") };
  const r = await accounts.changeOwnPassword(g.principal.id, input, g.token, callerOf(g));
  revalidatePath("/account");
  return stateOf(r, "Password changed. Your other sessions are signed out.");
}

/** The signed-in user ends every session but this one. */
export async function signOutOtherSessionsAction(): Promise<{ done?: string; error?: string }> {
  const g = await sessionGuard();
  if ("error" in g) return { error: g.error };
  const n = await accounts.signOutOtherSessions(g.principal.id, g.token, callerOf(g));
  revalidatePath("/account");
  return { done: `Signed out ${n} other session(s).` };
}

/** Admin: sets a user's password; all of their sessions end. */
export async function resetPasswordAction(userId: string, _prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const r = await accounts.resetPassword(g.principal.kind === "user" ? g.principal.id : null, userId, { password: form.get("password"), confirm: form.get("confirm") }, callerOf(g));
  revalidatePath("/settings");
  return stateOf(r, "Password set; the user's sessions are signed out.");
}

/** Admin: ends every session of a user. */
export async function signOutUserAction(userId: string): Promise<{ done?: string; error?: string }> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const n = await accounts.signOutUser(userId, callerOf(g));
  revalidatePath("/settings");
  return { done: `Signed out ${n} session(s).` };
}
