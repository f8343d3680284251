import { describe, expect, it } from "vitest";
import { compareText } from "./collate";

describe("compareText", () => {
  it("orders names exactly as localeCompare does", () => {
    const names = ["db-10", "db-9", "Db-1", "db-1", "ä-node", "a-node", "z", "", "db_2", "DB-2"];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
