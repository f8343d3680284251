// Untyped values (driver row cells, JSON input) as text, without "[object Object]" surprises.

/** A value as text: strings as they are; numbers, booleans, bigints and dates via String(); bytes as UTF-8;
 *  null/undefined as `fallback`; any other object as JSON. */
export function cellText(v: unknown, fallback = ""): string {
  if (v === null || v === undefined) return fallback;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || typeof v === "symbol") return v.toString();
  if (v instanceof Date) return v.toString();
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (typeof v === "function") return "[function]";
  return JSON.stringify(v);
}
