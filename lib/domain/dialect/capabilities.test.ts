// The predicates at their version boundaries, the privileges they imply, the dump flags, and versionOf.
import { describe, expect, it } from "vitest";
import * as d from "./index";

const v = (s: string) => d.parseServerVersion(s)!;

describe("capability predicates", () => {
  it.each([
    ["supportsReplicaTerms", "8.0.21", "8.0.22"], ["supportsReplicaTerms", "10.5.1-MariaDB", "10.5.2-MariaDB"], ["usesSourceTerms", "8.0.22", "8.0.23"],
    ["hasBinaryLogStatus", "8.1.0", "8.2.0"], ["hasBinlogStatus", "10.5.1-MariaDB", "10.5.2-MariaDB"], ["hasSuperReadOnly", "5.7.7", "5.7.8"],
    ["usesReplicaVariables", "8.0.25", "8.0.26"], ["hasBinlogExpireSeconds", "5.7.44", "8.0.0"], ["needsSourcePublicKey", "5.7.44", "8.0.0"],
    ["knowsPublicKeyOption", "5.7.44", "8.0.0"], ["supportsClone", "8.0.16", "8.0.17"], ["hasSplitPrivileges", "10.5.1-MariaDB", "10.5.2-MariaDB"],
  ] as const)("%s switches on between %s and %s", (name, before, from) => {
    const p = d[name];
    expect([p(v(before)), p(v(from))]).toEqual([false, true]);
  });
  it("keeps MySQL-only abilities off on MariaDB, whatever its version", () => {
    for (const p of [d.usesSourceTerms, d.hasBinaryLogStatus, d.hasSuperReadOnly, d.usesReplicaVariables, d.needsSourcePublicKey, d.knowsPublicKeyOption, d.hasClonePlugin, d.canInjectEmptyGtid, d.dumpCarriesGtids])
      expect(p(v("11.8.1-MariaDB"))).toBe(false);
    expect(d.namesConnections(v("11.8.1-MariaDB"))).toBe(true);
    expect(d.gtidEnabled(v("10.11.6-MariaDB"), "")).toBe(true);
    expect(d.gtidEnabled(v("8.0.36"), "on_permissive")).toBe(false);
    expect(d.gtidEnabled(v("8.0.36"), "on")).toBe(true);
  });
  it("knows which family reads which binary log", () => {
    expect(d.readsBinlogOf(v("10.11.6-MariaDB"), v("8.0.36"))).toBe(true);
    expect(d.readsBinlogOf(v("8.0.36"), v("10.11.6-MariaDB"))).toBe(false);
    expect(d.readsBinlogOf(v("8.4.3"), v("8.0.36"))).toBe(true);
  });
  it("GTID state is a position on MariaDB, a set on MySQL; followers use GTID by the family's rule", () => {
    expect([d.gtidIsPosition(v("10.6.1-MariaDB")), d.gtidIsPosition(v("8.0.36"))]).toEqual([true, false]);
    expect([d.followsByGtid(v("10.11.6-MariaDB"), true, ["OFF"]), d.followsByGtid(v("10.11.6-MariaDB"), false, ["ON"])]).toEqual([true, false]);
    expect([d.followsByGtid(v("8.0.36"), false, ["ON", "on"]), d.followsByGtid(v("8.0.36"), true, ["ON", "OFF_PERMISSIVE"])]).toEqual([true, false]);
  });
});

describe("privilegesFor", () => {
  it.each([
    ["5.7.44", "control", ["SUPER"]], ["8.0.36", "control", ["REPLICATION_SLAVE_ADMIN", "SUPER"]], ["10.4.34-MariaDB", "control", ["SUPER"]],
    ["10.11.6-MariaDB", "control", ["REPLICATION SLAVE ADMIN", "SUPER"]], ["8.4.3", "readOnly", ["SYSTEM_VARIABLES_ADMIN", "SUPER"]],
    ["10.11.6-MariaDB", "readOnly", ["SUPER", "READ ONLY ADMIN"]], ["10.4.34-MariaDB", "readOnly", ["SUPER"]], ["10.11.6-MariaDB", "setGlobal", ["SUPER"]],
    ["8.0.36", "setGlobal", ["SYSTEM_VARIABLES_ADMIN", "SUPER"]], ["9.1.0", "reset", ["RELOAD"]],
  ] as const)("%s %s: %j", (ver, kind, want) => {
    expect(d.privilegesFor(v(ver), kind)).toEqual(want);
  });
});

describe("dump tools and versionOf", () => {
  it("names the tools and the coordinates flag per family", () => {
    expect([d.dumpTool(v("10.11.6-MariaDB")), d.clientTool(v("10.11.6-MariaDB")), d.sourceDataFlag(v("10.11.6-MariaDB"))]).toEqual(["mariadb-dump", "mariadb", "--master-data=2"]);
    expect([d.dumpTool(v("8.4.3")), d.clientTool(v("8.4.3")), d.sourceDataFlag(v("8.4.3")), d.sourceDataFlag(v("5.7.44"))]).toEqual(["mysqldump", "mysql", "--source-data=2", "--master-data=2"]);
  });
  it("builds a registered server's version from its stored flavor and version, once", () => {
    expect(d.versionOf({ flavor: "mariadb", version: "10.11.6" })).toEqual(v("10.11.6-MariaDB"));
    expect(d.versionOf({ flavor: "mysql", version: "8.0.36" })).toEqual(v("8.0.36"));
    expect(d.versionOf({ flavor: null, version: "8.0.36" })).toBeNull();
    expect(d.versionOf({ flavor: "mysql", version: null })).toBeNull();
    expect(d.versionText(v("10.11.6-MariaDB"))).toBe("MariaDB 10.11.6");
    expect(d.isOlderSeries(v("8.0.36"), v("8.4.0"))).toBe(true);
    expect(d.isOlderSeries(v("8.0.30"), v("8.0.36"))).toBe(false);
    expect(d.isOlder(v("8.0.30"), v("8.0.36"))).toBe(true);
  });
});
