// Who is asking (session cookie or bearer token), login with rate limiting, setup, and role checks.
import "server-only";
import { logChange } from "./audit-log";
import { timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/config/env";
import { allows, credentialsSchema, type Principal, type Role } from "@/lib/domain/auth";
import { fieldErrorsOf, type FieldErrors } from "@/lib/domain/server-input";
import * as limits from "@/lib/data/sign-in-limits";
import * as users from "@/lib/data/users";

/** The session cookie's name. */
export const SESSION_COOKIE = "replscope_session";

/** 5 failures per account, 20 per address (an office behind one NAT is not locked out by one person's typos); shared
 *  by every instance through the database. */
const ACCOUNT: limits.SignInLimit = { scope: "account", max: 5, windowMs: 15 * 60_000 };
const ADDRESS: limits.SignInLimit = { scope: "address", max: 20, windowMs: 15 * 60_000 };
const g = globalThis as unknown as { replscopeLimitsPrunedAt?: number };

function envToken(token: string): boolean {
  const expected = env().REPLSCOPE_API_TOKEN;
  if (!expected) return false;
  const [a, b] = [Buffer.from(token), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves the principal from an Authorization header or a session cookie value. */
export async function resolvePrincipal(authorization: string | null, sessionToken: string | undefined): Promise<Principal | null> {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (bearer) return envToken(bearer) ? { kind: "token", id: "env", name: "REPLSCOPE_API_TOKEN", role: "admin" } : users.tokenPrincipal(bearer);
  return sessionToken ? users.sessionPrincipal(sessionToken) : null;
}

/** Thrown by requireRole; routes answer with its status. */
export class AuthError extends Error {
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
  }
}

/** The principal if it has at least `needed`; throws AuthError (401 without one, 403 with too little). */
export function requireRole(p: Principal | null, needed: Role): Principal {
  if (!p) throw new AuthError(401, "Sign in first.");
  if (!allows(p.role, needed)) throw new AuthError(403, `This needs the ${needed} role; you are ${p.role}.`);
  return p;
}

/** Signs in: rate-limited per account (5 failures / 15 min) and per address (20 / 15 min). */
export async function login(username: string, password: string, address: string): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; error: string }> {
  const r = await checkLogin(username, password, address);
  await logChange({ actor: username.slice(0, 64) || "(empty)", address }, "session.login", r.ok ? "signed in" : "sign-in refused", { error: r.ok ? null : r.error });
  return r;
}

const tooMany = (prefix: string, waitMs: number) => `${prefix} Try again in ${Math.ceil(waitMs / 60_000)} min.`;

/** Deletes attempts older than the window, at most once a minute per process. */
async function pruneNow(now: number) {
  if (now - (g.replscopeLimitsPrunedAt ?? 0) < 60_000) return;
  g.replscopeLimitsPrunedAt = now;
  await limits.pruneAttempts(now, ACCOUNT.windowMs).catch(() => 0);
}

/** Takes one attempt on the account and one on the address (both in the database), or says how long to wait. */
async function reserveAttempt(account: string, address: string, now: number): Promise<{ address: limits.Reservation } | { ok: false; limited: true; error: string }> {
  const a = await limits.reserveAttempt(ACCOUNT, account, now);
  if ("waitMs" in a) return { ok: false, limited: true, error: tooMany("Too many failed sign-ins.", a.waitMs) };
  const b = await limits.reserveAttempt(ADDRESS, address, now);
  if ("reservation" in b) return { address: b.reservation };
  await limits.releaseAttempt(a.reservation);
  return { ok: false, limited: true, error: tooMany("Too many failed sign-ins.", b.waitMs) };
}

/** Checks a user's password under the sign-in limits: the attempt counts before the check and is given back on success. */
export async function verifyPassword(username: string, password: string, address: string): Promise<{ ok: true; userId: string } | { ok: false; limited: boolean; error: string }> {
  const [account, now] = [username.toLowerCase(), await limits.limitClock()];
  await pruneNow(now);
  const reserved = await reserveAttempt(account, address, now);
  if (!("address" in reserved)) return reserved;
  const user = await users.findUserForLogin(username);
  const good = user ? await verify(user.passwordHash, password).catch(() => false) : (await hash(password), false);
  if (!user || !good) return { ok: false, limited: false, error: "Wrong user name or password." };
  await limits.clearAttempts(ACCOUNT, account);
  await limits.releaseAttempt(reserved.address);
  return { ok: true, userId: user.id };
}

/** For the setup code: the attempt counts against the address's sign-in limit before the code is checked. */
export async function underAddressLimit(address: string, check: () => Promise<boolean>): Promise<{ limited: string } | { ok: boolean }> {
  const r = await limits.reserveAttempt(ADDRESS, address, await limits.limitClock());
  if ("waitMs" in r) return { limited: tooMany("Too many failed attempts from your address.", r.waitMs) };
  const ok = await check();
  if (ok) await limits.releaseAttempt(r.reservation);
  return { ok };
}

async function checkLogin(username: string, password: string, address: string): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; error: string }> {
  const v = await verifyPassword(username, password, address);
  return v.ok ? { ok: true, ...(await users.createSession(v.userId, address)) } : { ok: false, error: v.error };
}

/** Creates a user (argon2id hash); per-field errors on bad input or a taken name. */
export async function createUser(raw: unknown, role: Role): Promise<{ ok: true; user: users.UserRecord } | { ok: false; error: string; fieldErrors?: FieldErrors }> {
  const p = credentialsSchema.safeParse(raw);
  if (!p.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(p.error) };
  if (await users.findUserForLogin(p.data.username)) return { ok: false, error: "That user name is taken.", fieldErrors: { username: ["That user name is taken"] } };
  return { ok: true, user: await users.insertUser(p.data.username, await hash(p.data.password), role) };
}

/** Creates the first admin (validated, argon2id): exactly one even under concurrent calls; an error once one exists. */
export async function createFirstAdmin(raw: unknown): Promise<{ ok: true; user: users.UserRecord } | { ok: false; error: string; fieldErrors?: FieldErrors }> {
  const p = credentialsSchema.safeParse(raw);
  if (!p.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(p.error) };
  const user = await users.insertFirstAdmin(p.data.username, await hash(p.data.password));
  return user ? { ok: true, user } : { ok: false, error: ALREADY_SET_UP };
}

/** The answer to a setup attempt once the first admin exists. */
export const ALREADY_SET_UP = "replscope is already set up: sign in instead.";

/** Unattended installs: REPLSCOPE_ADMIN_USER + REPLSCOPE_ADMIN_PASSWORD create the first admin when there is none. */
export async function ensureEnvAdmin(): Promise<boolean> {
  const { REPLSCOPE_ADMIN_USER: username, REPLSCOPE_ADMIN_PASSWORD: password } = env();
  if (!username || !password || (await users.countUsers()) > 0) return false;
  const r = await createFirstAdmin({ username, password });
  if (!r.ok) console.error(`replscope: REPLSCOPE_ADMIN_USER not created: ${r.error}`);
  return r.ok;
}
