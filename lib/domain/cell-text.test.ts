// cellText: what String() gave for the values rows and inputs carry, and JSON instead of "[object Object]".
import { describe, expect, it } from "vitest";
import { cellText } from "./cell-text";

describe("cellText", () => {
  it("keeps strings and writes numbers, booleans, bigints and dates as String() does", () => {
    const d = new Date(0);
    expect([cellText("a b"), cellText(42), cellText(1.5), cellText(true), cellText(12345678901234567890n), cellText(d)]).toEqual(["a b", "42", "1.5", "true", "12345678901234567890", String(d)]);
  });
  it("decodes bytes (mysql2 returns binary columns as Buffers) as UTF-8", () => {
    expect(cellText(Buffer.from("mysql-bin.000003"))).toBe("mysql-bin.000003");
  });
  it("gives the fallback for null and undefined", () => {
    expect([cellText(null), cellText(undefined), cellText(null, "OFF")]).toEqual(["", "", "OFF"]);
  });
  it("writes other objects as JSON, never [object Object]", () => {
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
