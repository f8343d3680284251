import { describe, expect, it } from "vitest";
import { parseServerVersion } from "../dialect";
import { cloneOutcome, cloneStatements, cloneUnavailable } from "./clone";

const v = (s: string) => parseServerVersion(s)!;

describe("CLONE", () => {
  it("is offered only for MySQL 8.0.17+ pairs of one series", () => {
    expect(cloneUnavailable(v("8.0.36"), v("8.0.36"))).toBeNull();
    expect(cloneUnavailable(v("8.4.1"), v("8.4.3"))).toBeNull();
    expect(cloneUnavailable(v("8.0.30"), v("8.0.31"))).toMatch(/same point release/);
    expect(cloneUnavailable(v("8.0.16"), v("8.0.16"))).toMatch(/8\.0\.17/);
    expect(cloneUnavailable(v("8.0.36"), v("8.4.0"))).toMatch(/same release series/);
    expect(cloneUnavailable(v("10.11.6-MariaDB"), v("10.11.6-MariaDB"))).toMatch(/only on MySQL/);
  });
  it("builds escaped statements and reads the clone status", () => {
    expect(cloneStatements({ host: "db1", port: 3306, user: "don'or", password: "p'w" })[2]).toBe("CLONE INSTANCE FROM 'don\\'or'@'db1':3306 IDENTIFIED BY 'p\\'w'");
    expect(cloneOutcome({ STATE: "Completed", ERROR_NO: 0, BINLOG_FILE: "binlog.000003", BINLOG_POSITION: 157, GTID_EXECUTED: "u:1-5" })).toEqual({ ok: true, file: "binlog.000003", position: 157, gtid: "u:1-5" });
    expect(cloneOutcome({ STATE: "Failed", ERROR_NO: 3862, ERROR_MESSAGE: "Clone Donor Error" })).toEqual({ ok: false, error: "Clone failed: error 3862 Clone Donor Error." });
  });
});

describe("clone progress", () => {
  it("keeps waiting only while the recipient reports it in progress", async () => {
    const { cloneRunning } = await import("./clone");
    expect(cloneRunning({ STATE: "In Progress" })).toBe(true);
    expect(cloneRunning({ STATE: "Completed" })).toBe(false);
    expect(cloneRunning(undefined)).toBe(false);
  });
});
