// Failover statements for every family: MySQL 5.7, 8.0 before and after 8.0.22/8.0.26 terms, 8.4, 9.x, MariaDB.
import { describe, expect, it } from "vitest";
import * as m from "./index";

const v = (s: string) => m.parseServerVersion(s)!;

describe("failover statements", () => {
  it("stops only the receiver in each terminology", () => {
    expect(m.stopReceiverStatement(v("5.7.44"))).toBe("STOP SLAVE IO_THREAD");
    expect(m.stopReceiverStatement(v("8.0.36"))).toBe("STOP REPLICA IO_THREAD");
    expect(m.stopReceiverStatement(v("9.1.0"))).toBe("STOP REPLICA IO_THREAD");
    expect(m.stopReceiverStatement(v("10.11.6-MariaDB"))).toMatch(/^STOP (SLAVE|REPLICA) IO_THREAD$/);
  });
  it("waits for a GTID set with the family's function, value escaped", () => {
    expect(m.waitForGtidQuery(v("10.11.6-MariaDB"), "0-2-17", 30)).toBe("SELECT MASTER_GTID_WAIT('0-2-17', 30) AS r");
    expect(m.waitForGtidQuery(v("8.4.3"), "u:1-5'", 30)).toBe("SELECT WAIT_FOR_EXECUTED_GTID_SET('u:1-5\\'', 30) AS r");
    expect(m.gtidWaitReached(0)).toBe(true);
    expect(m.gtidWaitReached(-1)).toBe(false);
    expect(m.gtidWaitReached("1")).toBe(false);
  });
  it("promotes: stop, reset all, writable (super_read_only first where it exists)", () => {
    expect(m.promoteStatements(v("5.7.44"))).toEqual(["STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(m.promoteStatements(v("8.0.20"))).toEqual(["STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(m.promoteStatements(v("8.4.3"))).toEqual(["STOP REPLICA", "RESET REPLICA ALL", "SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF"]);
    expect(m.promoteStatements(v("10.11.6-MariaDB")).slice(2)).toEqual(["SET GLOBAL read_only = OFF"]);
  });
  it("fences with read_only, and super_read_only on MySQL only", () => {
    expect(m.fenceStatements(v("8.0.36"))).toEqual(["SET GLOBAL read_only = ON", "SET GLOBAL super_read_only = ON"]);
    expect(m.fenceStatements(v("9.1.0"))).toEqual(["SET GLOBAL read_only = ON", "SET GLOBAL super_read_only = ON"]);
    expect(m.fenceStatements(v("11.4.2-MariaDB"))).toEqual(["SET GLOBAL read_only = ON"]);
  });
});
