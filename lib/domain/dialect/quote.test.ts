// The domain's quoting against mysql2's escape (what every statement was escaped with before), over hostile values.
import mysql from "mysql2";
import { describe, expect, it } from "vitest";
import { quoteAccount, quoteIdentifier, quoteString } from "./quote";

const NASTY = [
  "", "plain", "it's", 'say "hi"', "back\\slash", "\\'", "\\\\'", "' OR 1=1 -- ", "x', MASTER_PORT=1 -- ", "nul\0byte", "\b\t\n\r", "ctrl-z \x1a end",
  "ü✓ 日本語 🐬", "\ud800 lone surrogate", "%_ like wildcards", "`backtick`", "${template}", "a\u2028b", "\\0 not a nul", "\"'\\\0\b\t\n\r\x1a",
  `p'a"s\\s ü`, `q'u"o\\te ü✓`,
];

describe("quoteString", () => {
  it.each(NASTY)("writes %j exactly as mysql2's escape", (value) => {
    expect(quoteString(value)).toBe(mysql.escape(value));
  });
  it("writes numbers bare, as mysql2 does", () => {
    for (const n of [0, 3306, 1234567890123, -1, 4.5]) expect(quoteString(n)).toBe(mysql.escape(n));
  });
  it("escapes every character MySQL reads specially inside a quoted string", () => {
    expect(quoteString("\0\b\t\n\r\x1a\"'\\")).toBe(`'\\0\\b\\t\\n\\r\\Z\\"\\'\\\\'`);
  });
});

describe("quoteIdentifier", () => {
  it.each(["id", "v`al", "we'ird", "t``x", "ü✓", "a b"])("writes %j as mysql2's escapeId does", (name) => {
    expect(quoteIdentifier(name)).toBe(mysql.escapeId(name));
  });
  it("keeps a dot inside the one name (mysql2 would split it into schema.table)", () => {
    expect(quoteIdentifier("my.table")).toBe("`my.table`");
    expect(mysql.escapeId("my.table")).toBe("`my`.`table`");
  });
});

describe("quoteAccount", () => {
  it("quotes user and host as mysql2 did", () => {
    for (const [u, h] of [["repl", "10.0.%"], ["don'or", "db1"], ["a\\b", "%"]]) expect(quoteAccount(u, h)).toBe(`${mysql.escape(u)}@${mysql.escape(h)}`);
  });
});
