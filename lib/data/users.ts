// Users, sessions and API tokens in replscope's own database; tokens and session ids are stored as SHA-256.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Principal, Role } from "@/lib/domain/auth";
import { db } from "./db";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const SESSION_HOURS = 12;

/** A user as the UI sees it (no hash). */
export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
}

/** How many users exist (0 means first-run setup). */
export const countUsers = () => db().user.count();

/** All users, by name. */
export async function listUsers(): Promise<UserRecord[]> {
  const rows = await db().user.findMany({ orderBy: { username: "asc" } });
  return rows.map((u) => ({ id: u.id, username: u.username, role: u.role as Role, createdAt: u.createdAt.toISOString() }));
}

/** The stored hash and role of a user name, for login. */
export const findUserForLogin = (username: string) => db().user.findUnique({ where: { username } });

/** Creates a user with an already hashed password. */
export async function insertUser(username: string, passwordHash: string, role: Role): Promise<UserRecord> {
  const u = await db().user.create({ data: { username, passwordHash, role } });
  return { id: u.id, username: u.username, role, createdAt: u.createdAt.toISOString() };
}

/** Creates the first admin and the one-row first-admin marker in one transaction; null when another setup got there first. */
export async function insertFirstAdmin(username: string, passwordHash: string): Promise<UserRecord | null> {
  try {
    const [u] = await db().$transaction([db().user.create({ data: { username, passwordHash, role: "admin" } }), db().firstAdmin.create({ data: { id: 1, username } })]);
    return { id: u.id, username: u.username, role: "admin", createdAt: u.createdAt.toISOString() };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return null;
    throw e;
  }
}

/** True once the first admin exists (or any user, for databases set up before the marker existed). */
export async function isSetUp(): Promise<boolean> {
  return (await db().firstAdmin.count()) > 0 || (await countUsers()) > 0;
}

/** Removes a first-admin marker left behind when no user exists any more (startup only), so setup can run again. */
export async function clearStaleFirstAdmin(): Promise<boolean> {
  if ((await countUsers()) > 0) return false;
  return (await db().firstAdmin.deleteMany({})).count > 0;
}

/** Changes a user's role; revokes their sessions so the change applies at once. */
export async function setUserRole(id: string, role: Role) {
  await db().user.update({ where: { id }, data: { role } });
  await revokeSessions(id);
}

/** Deletes a user (their sessions go with them). */
export const deleteUser = (id: string) => db().user.delete({ where: { id } });

/** Opens a session; returns the cookie token (only its hash is stored). */
export async function createSession(userId: string, address: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db().session.create({ data: { id: sha256(token), userId, expiresAt, address } });
  return { token, expiresAt };
}

/** The user behind a live session token, or null. */
export async function sessionPrincipal(token: string): Promise<Principal | null> {
  const s = await db().session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
  if (!s || s.revokedAt || s.expiresAt < new Date()) return null;
  return { kind: "user", id: s.user.id, name: s.user.username, role: s.user.role as Role };
}

/** Ends one session. */
export const revokeSession = (token: string) => db().session.updateMany({ where: { id: sha256(token) }, data: { revokedAt: new Date() } });

/** Ends every session of a user. */
export const revokeSessions = (userId: string) => db().session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });

/** A live session as its owner sees it (never the token). */
export interface SessionRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
  address: string | null;
  current: boolean;
}

const live = () => ({ revokedAt: null, expiresAt: { gt: new Date() } });

/** A user's live sessions, newest first; `current` marks the one behind `token`. */
export async function listActiveSessions(userId: string, token?: string): Promise<SessionRecord[]> {
  const rows = await db().session.findMany({ where: { userId, ...live() }, orderBy: { createdAt: "desc" } });
  const mine = token ? sha256(token) : null;
  return rows.map((r) => ({ id: r.id.slice(0, 8), createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), address: r.address, current: r.id === mine }));
}

/** How many live sessions each user has (for the admin's user list). */
export async function activeSessionCounts(): Promise<Map<string, number>> {
  const rows = await db().session.groupBy({ by: ["userId"], where: live(), _count: { _all: true } });
  return new Map(rows.map((r) => [r.userId, r._count._all]));
}

/** Ends every session of a user except the one behind `keepToken`. */
export const revokeSessionsExcept = (userId: string, keepToken: string) =>
  db().session.updateMany({ where: { userId, revokedAt: null, id: { not: sha256(keepToken) } }, data: { revokedAt: new Date() } });

/** A user's stored hash, by id (for a password change). */
export const findUserById = (id: string) => db().user.findUnique({ where: { id } });

/** Stores a new password hash. */
export const setPasswordHash = (id: string, passwordHash: string) => db().user.update({ where: { id }, data: { passwordHash } });

/** Creates an API token; returns its text once (only the hash is kept). */
export async function insertToken(name: string, role: Role): Promise<string> {
  const token = `rs_${randomBytes(32).toString("base64url")}`;
  await db().apiToken.create({ data: { name, role, tokenHash: sha256(token) } });
  return token;
}

/** API tokens without their secrets. */
export const listTokens = () => db().apiToken.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, name: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true } });

/** Revokes a token. */
export const revokeToken = (id: string) => db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });

/** The principal behind a bearer token, or null. */
export async function tokenPrincipal(token: string): Promise<Principal | null> {
  const t = await db().apiToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!t || t.revokedAt) return null;
  void db().apiToken.update({ where: { id: t.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { kind: "token", id: t.id, name: t.name, role: t.role as Role };
}
