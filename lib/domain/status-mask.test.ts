import { describe, expect, it } from "vitest";
import type { ServerStatus } from "./server-status";
import { maskStatusErrors } from "./status-mask";

const base = { state: "critical", lagSeconds: null, lagSource: null, error: null, facts: null, source: null, checkedAt: 1, reachedAt: 1 } as unknown as ServerStatus;
const channel = (lastSqlError: string, lastIoError = "") => ({ channel: "", lastSqlError, lastIoError, lastSqlErrno: lastSqlError ? 1396 : 0, lastIoErrno: 0 }) as unknown as ServerStatus["channels"][number];

describe("maskStatusErrors", () => {
  it("masks password clauses and known secrets in channel errors and the poll error", () => {
    const s = { ...base, error: "Access denied (using password: YES) Own-Secret-Pw-1234", channels: [channel("Query: 'CREATE USER 'r'@'%' IDENTIFIED BY 'Wizard-Pw-9876''", "x IDENTIFIED BY 'io-pw-secret'")] };
    const out = maskStatusErrors(s, ["Own-Secret-Pw-1234"]);
    expect(out.channels[0].lastSqlError).toContain("IDENTIFIED BY '*****'");
    expect(out.channels[0].lastSqlError).not.toContain("Wizard-Pw-9876");
    expect(out.channels[0].lastIoError).not.toContain("io-pw-secret");
    expect(out.error).not.toContain("Own-Secret-Pw-1234");
    expect(out.error).toContain("*****");
  });

  it("returns the same object when there is no error text", () => {
    const s = { ...base, channels: [channel("")] };
    expect(maskStatusErrors(s, ["x"])).toBe(s);
  });
});
