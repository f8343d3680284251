import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeKey, open, seal } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);
  it("round-trips quotes, backslashes and unicode", () => {
    const secret = `it's a "p\\ass" wörd ✓`;
    const sealed = seal(secret, key);
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(open(sealed, key)).toBe(secret);
  });
  it("uses a fresh IV each time", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });
  it("rejects a wrong key and tampered text", () => {
    const sealed = seal("secret", key);
    expect(() => open(sealed, randomBytes(32))).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => open("v1:" + raw.toString("base64"), key)).toThrow();
  });
  it("decodes hex and base64 keys of 32 bytes only", () => {
    const k = randomBytes(32);
    expect(decodeKey(k.toString("hex")).equals(k)).toBe(true);
    expect(decodeKey(k.toString("base64")).equals(k)).toBe(true);
    expect(() => decodeKey("abcd")).toThrow(/32 bytes/);
  });
});
