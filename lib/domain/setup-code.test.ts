import { describe, expect, it } from "vitest";
import { normalizeSetupCode, setupCodeFrom } from "./setup-code";

describe("setup code", () => {
  it("is 20 characters of a 32-letter alphabet without look-alikes, grouped by four", () => {
    const code = setupCodeFrom(Uint8Array.from({ length: 20 }, (_, i) => i * 13));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){4}$/);
    expect(setupCodeFrom(new Uint8Array(20).fill(255))).toBe("9999-9999-9999-9999-9999");
    expect(() => setupCodeFrom(new Uint8Array(19))).toThrow();
  });

  it("compares as typed or pasted: case, spaces and dashes do not matter", () => {
    expect(normalizeSetupCode(" abcd-efgh jkmn-PQRS-tuvw\n")).toBe("ABCDEFGHJKMNPQRSTUVW");
    expect(normalizeSetupCode(undefined)).toBe("");
    expect(normalizeSetupCode(42)).toBe("");
  });
});
