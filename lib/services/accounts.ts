// Looking after accounts: a user changes their own password or ends their other sessions; an admin resets or signs out a user.
import "server-only";
import { hash } from "@node-rs/argon2";
import { type Caller, passwordSchema } from "@/lib/domain/auth";
import * as users from "@/lib/data/users";
import { logChange } from "./audit-log";
import { verifyPassword } from "./auth";
import { cellText } from "@/lib/domain/cell-text";

/** What an account change returns: done, or the message (and field) to show. */
export type AccountResult = { ok: true } | { ok: false; error: string; field?: "current" | "password" | "confirm" };

const checkNew = (next: unknown, confirm: unknown): AccountResult | null => {
  const p = passwordSchema.safeParse(next);
  if (!p.success) return { ok: false, error: p.error.issues[0].message, field: "password" };
  if (next !== confirm) return { ok: false, error: "The two new passwords differ.", field: "confirm" };
  return null;
};

/** The signed-in user changes their password (the current one is checked under the sign-in limits); other sessions end. */
export async function changeOwnPassword(userId: string, input: { current: unknown; password: unknown; confirm: unknown }, keepToken: string, caller: Caller): Promise<AccountResult> {
  const r = await changeOwn(userId, input, keepToken, caller.address ?? "direct");
  await logChange(caller, "account.password", r.ok ? "changed own password; other sessions signed out" : "change own password", { error: r.ok ? null : r.error });
  return r;
}

async function changeOwn(userId: string, input: { current: unknown; password: unknown; confirm: unknown }, keepToken: string, address: string): Promise<AccountResult> {
  const user = await users.findUserById(userId);
  if (!user) return { ok: false, error: "Your account no longer exists." };
  const bad = checkNew(input.password, input.confirm);
  if (bad) return bad;
  const v = await verifyPassword(user.username, cellText(input.current), address);
  if (!v.ok) return { ok: false, error: v.limited ? v.error : "The current password is wrong.", field: "current" };
  if (input.current === input.password) return { ok: false, error: "The new password is the current one.", field: "password" };
  await users.setPasswordHash(userId, await hash(String(input.password)));
  await users.revokeSessionsExcept(userId, keepToken);
  return { ok: true };
}

/** The signed-in user ends every session but the current one. */
export async function signOutOtherSessions(userId: string, keepToken: string, caller: Caller): Promise<number> {
  const { count } = await users.revokeSessionsExcept(userId, keepToken);
  await logChange(caller, "account.sessions", `signed out ${count} other session(s)`);
  return count;
}

/** Admin: sets another user's password; all of that user's sessions end. */
export async function resetPassword(adminId: string | null, userId: string, input: { password: unknown; confirm: unknown }, caller: Caller): Promise<AccountResult> {
  const user = await users.findUserById(userId);
  const r = await reset(user?.id ?? null, adminId, input);
  const name = user?.username ?? userId;
  await logChange(caller, "user.password", r.ok ? `set ${name}'s password; their sessions signed out` : `set ${name}'s password`, { error: r.ok ? null : r.error });
  return r;
}

async function reset(userId: string | null, adminId: string | null, input: { password: unknown; confirm: unknown }): Promise<AccountResult> {
  if (!userId) return { ok: false, error: "No such user." };
  if (userId === adminId) return { ok: false, error: "Change your own password on your account page." };
  const bad = checkNew(input.password, input.confirm);
  if (bad) return bad;
  await users.setPasswordHash(userId, await hash(String(input.password)));
  await users.revokeSessions(userId);
  return { ok: true };
}

/** Admin: ends every session of a user (their tokens are separate and stay). */
export async function signOutUser(userId: string, caller: Caller): Promise<number> {
  const name = (await users.findUserById(userId))?.username ?? userId;
  const { count } = await users.revokeSessions(userId);
  await logChange(caller, "user.sessions", `signed ${name} out everywhere (${count} session(s))`);
  return count;
}
