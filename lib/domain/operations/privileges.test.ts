import { describe, expect, it } from "vitest";
import { parseServerVersion } from "../dialect";
import { globalPrivileges, privilegeWarning } from "./privileges";

const v = (s: string) => parseServerVersion(s)!;

describe("privilege warnings", () => {
  it("reads global grants only", () => {
    expect([...globalPrivileges(["GRANT SLAVE MONITOR, BINLOG MONITOR ON *.* TO `m`@`%`", "GRANT ALL PRIVILEGES ON `app`.* TO `m`@`%`"])]).toEqual(["SLAVE MONITOR", "BINLOG MONITOR"]);
  });
  it("warns a monitoring-only account, not one with the privilege or ALL", () => {
    const monitor = ["GRANT SLAVE MONITOR, BINLOG MONITOR ON *.* TO `m`@`%`"];
    expect(privilegeWarning(v("10.11.6-MariaDB"), { kind: "stop", threads: "both" }, monitor, "m@%")).toMatch(/replication control needs REPLICATION SLAVE ADMIN or SUPER/);
    expect(privilegeWarning(v("10.11.6-MariaDB"), { kind: "stop", threads: "both" }, ["GRANT REPLICATION SLAVE ADMIN ON *.* TO `m`@`%`"], "m@%")).toBeNull();
    expect(privilegeWarning(v("8.0.36"), { kind: "skip" }, ["GRANT REPLICATION_SLAVE_ADMIN ON *.* TO `m`@`%`"], "m@%")).toMatch(/SET GLOBAL needs SYSTEM_VARIABLES_ADMIN or SUPER/);
    expect(privilegeWarning(v("5.7.44"), { kind: "read_only", on: true }, ["GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION"], "root")).toBeNull();
  });
});

describe("switchover privilege needs", () => {
  it("RESET … ALL needs RELOAD, and roles make absence unprovable", async () => {
    const { hasRoles, missingFor } = await import("./privileges");
    const grants = ["GRANT SUPER, REPLICATION SLAVE ADMIN, READ ONLY ADMIN ON *.* TO `m`@`%`"];
    expect(missingFor(v("10.11.6-MariaDB"), ["control", "reset", "readOnly"], grants)).toEqual(["RESET … ALL needs RELOAD"]);
    expect(missingFor(v("10.11.6-MariaDB"), ["control", "readOnly"], grants)).toEqual([]);
    expect(hasRoles(grants)).toBe(false);
    expect(hasRoles([...grants, "GRANT `dba` TO `m`@`%`"])).toBe(true);
  });
});
