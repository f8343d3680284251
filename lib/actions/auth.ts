"use server";
// Sign-in, first-run setup, and (admin) users and API tokens.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { env } from "@/lib/config/env";
import { ROLES, type Role } from "@/lib/domain/auth";
import { safeNextPath } from "@/lib/domain/redirect";
import type { FieldErrors } from "@/lib/domain/server-input";
import * as users from "@/lib/data/users";
import { createUser, login, SESSION_COOKIE } from "@/lib/services/auth";
import { failureText, logChange } from "@/lib/services/audit-log";
import { setupFirstAdmin } from "@/lib/services/setup";
import { addressOf, callerOf, guard } from "@/lib/services/session";

/** A form's state after submit. */
export interface AuthFormState {
  error?: string;
  fieldErrors?: FieldErrors;
  token?: string;
}

async function requestFacts() {
  const h = await headers();
  return { address: addressOf(h), secure: h.get("x-forwarded-proto") === "https" || env().REPLSCOPE_SECURE_COOKIES === "true" };
}

async function startSession(userId: string) {
  const { address, secure } = await requestFacts();
  const s = await users.createSession(userId, address);
  (await cookies()).set(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: s.expiresAt });
}

/** Signs in and opens the page the user was sent away from. */
export async function loginAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const { address, secure } = await requestFacts();
  const r = await login(text(form, "username"), text(form, "password"), address);
  if (!r.ok) return { error: r.error };
  (await cookies()).set(SESSION_COOKIE, r.token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: r.expiresAt });
  redirect(safeNextPath(form.get("next")));
}

/** First run: creates the first admin with the one-time setup code printed at start, and signs them in. */
export async function setupAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const { address } = await requestFacts();
  const r = await setupFirstAdmin({ username: form.get("username"), password: form.get("password"), code: form.get("code") }, address);
  await logChange({ actor: text(form, "username").slice(0, 64) || "(empty)", address }, "setup.admin", r.ok ? "first admin created" : "create the first admin", { error: failureText(r) });
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  await startSession(r.user.id);
  redirect("/");
}

/** A text field's value ("" when missing or a file). */
function text(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

const asRole = (v: unknown): Role => (ROLES.includes(v as Role) ? (v as Role) : "viewer");

/** Admin: adds a user with a role. */
export async function createUserAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const r = await createUser({ username: form.get("username"), password: form.get("password") }, asRole(form.get("role")));
  await logChange(callerOf(g), "user.create", `user ${text(form, "username").slice(0, 64)} with role ${asRole(form.get("role"))}`, { error: r.ok ? null : r.error });
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  revalidatePath("/settings");
  return {};
}

/** Admin: changes a user's role (their sessions end) or removes the user. */
export async function changeUserAction(id: string, change: Role | "delete"): Promise<{ error?: string }> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const self = g.principal.kind === "user" && g.principal.id === id;
  const name = (await users.listUsers()).find((u) => u.id === id)?.username ?? id;
  const what = change === "delete" ? `remove user ${name}` : `set ${name}'s role to ${asRole(change)}`;
  await logChange(callerOf(g), change === "delete" ? "user.delete" : "user.role", what, { error: self ? "refused: own account" : null });
  if (self) return { error: "You cannot change or remove your own account here." };
  if (change === "delete") await users.deleteUser(id);
  else await users.setUserRole(id, asRole(change));
  revalidatePath("/settings");
  return {};
}

/** Admin: creates an API token with a role; the token is shown once. */
export async function createTokenAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const name = text(form, "name").trim();
  const what = `token "${name.slice(0, 64)}" with role ${asRole(form.get("role"))}`;
  const refuse = async (error: string, field: string) => (await logChange(callerOf(g), "token.create", what, { error }), { error, fieldErrors: { name: [field] } });
  if (!/^[\w .-]{1,64}$/.test(name)) return refuse("Give the token a name (letters, digits, space . _ -).", "Letters, digits, space . _ - (1–64)");
  try {
    const token = await users.insertToken(name, asRole(form.get("role")));
    await logChange(callerOf(g), "token.create", what);
    revalidatePath("/settings");
    return { token };
  } catch {
    return refuse("A token with that name exists.", "A token with that name exists");
  }
}

/** Admin: revokes an API token. */
export async function revokeTokenAction(id: string): Promise<{ error?: string }> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  await users.revokeToken(id);
  await logChange(callerOf(g), "token.revoke", `revoked token ${id}`);
  revalidatePath("/settings");
  return {};
}
