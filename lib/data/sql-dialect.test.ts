import { expect, it } from "vitest";
import { batches, floorDivSql, insertRowsSql, placeholders, upsertRowsSql, valueRows } from "./sql-dialect";

it("builds one placeholder row per value row", () => {
  expect(valueRows(["a", "b"], 3)).toBe("(?, ?), (?, ?), (?, ?)");
});

it("upserts keyed by the first column in each backend's SQL", () => {
  expect(upsertRowsSql("sqlite", "T", ["id", "x", "y"], 1)).toBe(`INSERT INTO "T" ("id", "x", "y") VALUES (?, ?, ?) ON CONFLICT("id") DO UPDATE SET "x" = excluded."x", "y" = excluded."y"`);
  expect(upsertRowsSql("mysql", "T", ["id", "x"], 2)).toBe(`INSERT INTO "T" ("id", "x") VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE "x" = VALUES("x")`);
});

it("leaves an existing row alone when asked to ignore conflicts", () => {
  expect(insertRowsSql("sqlite", "O", ["c", "k"], 1, ["c", "k"])).toBe(`INSERT INTO "O" ("c", "k") VALUES (?, ?) ON CONFLICT("c", "k") DO NOTHING`);
  expect(insertRowsSql("mysql", "O", ["c", "k"], 1, ["c", "k"])).toBe(`INSERT INTO "O" ("c", "k") VALUES (?, ?) ON DUPLICATE KEY UPDATE "c" = "c"`);
  expect(insertRowsSql("mysql", "O", ["c"], 1)).toBe(`INSERT INTO "O" ("c") VALUES (?)`);
});

it("spells an IN list and cuts rows into statements of a bounded size", () => {
  expect(placeholders(3)).toBe("?, ?, ?");
  expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  expect(batches([], 500)).toEqual([]);
});

it("rounds a time bucket down on both backends (MySQL's CAST rounds)", () => {
  expect(floorDivSql("mysql", `"at"`, "?")).toBe(`FLOOR(("at") / ?)`);
  expect(floorDivSql("sqlite", `"at"`, "?")).toBe(`CAST(("at") / ? AS INTEGER)`);
});
