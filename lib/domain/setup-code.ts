// The one-time setup code (pure): how it is written and compared.

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A setup code from 20 random bytes: 20 characters (100 bits) without look-alikes, in groups of four. */
export function setupCodeFrom(random: Uint8Array): string {
  if (random.length < 20) throw new Error("a setup code needs 20 random bytes");
  const chars = Array.from(random.subarray(0, 20), (b) => ALPHABET[b & 31]);
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/** A typed or pasted code in canonical form: upper case, spaces and dashes dropped ("" for anything but text). */
export function normalizeSetupCode(text: unknown): string {
  return typeof text === "string" ? text.toUpperCase().replace(/[\s-]/g, "").slice(0, 64) : "";
}
