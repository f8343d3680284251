// Roles and what each may do (pure): viewer sees, operator also operates, admin also manages.
import { z } from "zod";

/** The three roles, least to most powerful. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` includes the rights of `needed`. */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who is asking: a signed-in user or an API token. */
export interface Principal {
  kind: "user" | "token";
  id: string;
  name: string;
  role: Role;
}

/** Who asked and from where, for the audit trail (actor: user name, or `token:<name>`). */
export interface Caller {
  actor: string;
  address: string | null;
}

/** The audit trail's name for a principal: the user name, or `token:<name>` for API tokens. */
export const actorOf = (p: Principal) => (p.kind === "token" ? `token:${p.name}` : p.name);

/** A password replscope accepts (also for changes and resets): 12+ characters. */
export const passwordSchema = z.string().min(12, "At least 12 characters").max(256, "At most 256 characters");

/** New users: names of letters, digits and ._-, and an acceptable password. */
export const credentialsSchema = z.object({
  username: z.string().trim().min(1, "User name is required").max(64).regex(/^[A-Za-z0-9._-]+$/, "Letters, digits, . _ and - only"),
  password: passwordSchema,
});

/**
 * Sign-in attempt limit: at most `max` attempts per key within `windowMs`. An attempt is reserved before the password
 * is checked (so parallel guesses cannot all slip in before the first failure is counted) and released or cleared on
 * success. Memory is bounded: expired entries are swept, and beyond `maxKeys` keys the least recently used go first.
 */
export class LoginLimiter {
  private attempts = new Map<string, number[]>();
  private lastSweep = 0;
  constructor(private max = 5, private windowMs = 15 * 60_000, private maxKeys = 10_000) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.attempts.set(key, kept);
    else this.attempts.delete(key);
    return kept;
  }

  /** Milliseconds until `key` may try again (0 when allowed). */
  blockedFor(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.max ? Math.max(1, this.windowMs - (now - recent[recent.length - this.max])) : 0;
  }

  /** Records an attempt for `key` now, before the password is checked (call right after blockedFor, with no await between). */
  reserve(key: string, now = Date.now()) {
    const list = this.recent(key, now);
    this.attempts.delete(key);
    this.attempts.set(key, [...list, now]);
    this.bound(now);
  }

  /** Gives back one attempt reserved at `at` (a successful sign-in does not count against an address). */
  release(key: string, at: number) {
    const list = this.attempts.get(key);
    const i = list?.indexOf(at) ?? -1;
    if (!list || i < 0) return;
    list.splice(i, 1);
    if (!list.length) this.attempts.delete(key);
  }

  /** Forgets every attempt of a key after a success. */
  succeed(key: string) {
    this.attempts.delete(key);
  }

  /** How many keys are remembered (for tests of the memory bound). */
  get size(): number {
    return this.attempts.size;
  }

  private bound(now: number) {
    if (now - this.lastSweep >= this.windowMs || this.attempts.size > this.maxKeys) {
      this.lastSweep = now;
      for (const k of [...this.attempts.keys()]) this.recent(k, now);
    }
    for (const k of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys) break;
      this.attempts.delete(k);
    }
  }
}
