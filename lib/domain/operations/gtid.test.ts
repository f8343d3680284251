import { describe, expect, it } from "vitest";
import { errantTransactions, firstMissing, gtidSubtract, mariaAhead, parseGtidSet } from "./gtid";

const A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
const B = "4e11fa47-71ca-11e1-9e33-c80aa9429562";

describe("MySQL GTID sets", () => {
  it("parses, merges adjacent intervals and keeps tags apart", () => {
    expect([...parseGtidSet(`${A}:1-3:4-6:9, ${B}:tag:1-2`)]).toEqual([[A, [[1, 6], [9, 9]]], [`${B}:tag`, [[1, 2]]]]);
  });
  it("subtracts sets: what the left side has that the right lacks", () => {
    expect(gtidSubtract(`${A}:1-10`, `${A}:1-7`)).toBe(`${A}:8-10`);
    expect(gtidSubtract(`${A}:1-10,${B}:1-2`, `${A}:1-3:5-10`)).toBe(`${A}:4,${B}:1-2`);
    expect(gtidSubtract(`${A}:1-5`, `${A}:1-9`)).toBe("");
  });
  it("finds the transaction an applier is stuck on", () => {
    expect(firstMissing(`${A}:1-10`, `${A}:1-7,${B}:1-3`, A.toUpperCase())).toBe(`${A}:8`);
    expect(firstMissing(`${A}:1-7`, `${A}:1-7`, A)).toBeNull();
  });
});

describe("MariaDB GTID positions", () => {
  it("lists domains where one position is ahead of another", () => {
    expect(mariaAhead("0-1-100,1-5-7", "0-1-100")).toEqual(["1-5-7"]);
    expect(mariaAhead("0-1-99", "0-2-100")).toEqual([]);
  });
  it("reports errant transactions in either notation", () => {
    expect(errantTransactions("0-1-10,0-3-2", "0-1-10")).toBe("");
    expect(errantTransactions("0-3-12", "0-1-10")).toBe("0-3-12");
    expect(errantTransactions(`${A}:1-5,${B}:1`, `${A}:1-5`)).toBe(`${B}:1`);
    expect(errantTransactions("", `${A}:1-5`)).toBe("");
  });
});
