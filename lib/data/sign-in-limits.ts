// Sign-in limits shared by every instance on this database. A key (an account or an address, stored as a SHA-256)
// has at most `max` slots; each slot holds the time of one attempt. An attempt takes a slot that is free (never used,
// given back, or older than the window) by a compare-and-set on the slot as read, so of two instances racing for the
// last free slot exactly one gets it. Times come from the database's clock.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "./db";
import { dbNowMs } from "./leadership";

/** One limit: at most `max` attempts per `windowMs` for one key of `scope`. */
export interface SignInLimit {
  scope: "account" | "address";
  max: number;
  windowMs: number;
}

/** A taken attempt, to give back on success. */
export interface Reservation {
  key: string;
  slot: number;
  token: string;
}

const hashed = (scope: string, key: string) => createHash("sha256").update(`${scope}\0${key}`, "utf8").digest("hex");
const isDuplicate = (e: unknown) => /P2002|Unique|Duplicate/i.test(`${(e as { code?: string }).code} ${(e as Error).message}`);

/** The database's clock (epoch ms), for a sign-in's limits. */
export const limitClock = dbNowMs;

/**
 * Takes one attempt for `key` at `now`, or returns how long (ms) until one is free. Retries only when another
 * attempt took the slot it chose (someone else progressed), so it ends after at most a few rounds.
 */
export async function reserveAttempt(limit: SignInLimit, rawKey: string, now: number): Promise<{ reservation: Reservation } | { waitMs: number }> {
  const key = hashed(limit.scope, rawKey);
  const token = randomBytes(12).toString("hex");
  for (;;) {
    const slots = await db().signInSlot.findMany({ where: { key }, orderBy: { slot: "asc" } });
    const free = slots.find((s) => s.at === 0 || now - s.at >= limit.windowMs);
    if (free) {
      const r = await db().signInSlot.updateMany({ where: { key, slot: free.slot, at: free.at, token: free.token }, data: { at: now, token } });
      if (r.count === 1) return { reservation: { key, slot: free.slot, token } };
      continue;
    }
    if (slots.length >= limit.max) return { waitMs: Math.max(1, limit.windowMs - (now - Math.min(...slots.map((s) => s.at)))) };
    const slot = [...Array(limit.max).keys()].find((i) => !slots.some((s) => s.slot === i))!;
    try {
      await db().signInSlot.create({ data: { key, slot, at: now, token } });
      return { reservation: { key, slot, token } };
    } catch (e) {
      if (!isDuplicate(e)) throw e;
    }
  }
}

/** Gives one taken attempt back (a successful sign-in does not count against its address). */
export async function releaseAttempt(r: Reservation): Promise<void> {
  await db().signInSlot.updateMany({ where: { key: r.key, slot: r.slot, token: r.token }, data: { at: 0 } });
}

/** Forgets every attempt of a key (an account after a successful sign-in). */
export async function clearAttempts(limit: SignInLimit, rawKey: string): Promise<void> {
  await db().signInSlot.deleteMany({ where: { key: hashed(limit.scope, rawKey) } });
}

/** Deletes slots older than `windowMs` (no longer counting) so the table stays small. */
export async function pruneAttempts(now: number, windowMs: number): Promise<number> {
  return (await db().signInSlot.deleteMany({ where: { at: { lte: now - windowMs } } })).count;
}
