import { describe, expect, it } from "vitest";
import { foldedGroupMembers, foldedTableServes, foldedVariableRows } from "../folded-poll";
import { dialectFor } from "./dialect";
import { foldRefusal, pollPlan } from "./poll-plan";
import { parseServerVersion } from "./version";

const v = (s: string) => parseServerVersion(s)!;

describe("pollPlan", () => {
  it("folds all wsrep variables and the built-in semi-sync switches into MariaDB's facts SELECT", () => {
    const p = pollPlan(v("10.11.6-MariaDB"))!;
    expect(p.factsQuery.startsWith(dialectFor(v("10.11.6-MariaDB")).factsQuery)).toBe(true);
    expect(p.factsQuery).toContain("@@GLOBAL.wsrep_on AS wsrep_on");
    expect(p.factsQuery).toContain("@@GLOBAL.rpl_semi_sync_slave_enabled AS rpl_semi_sync_slave_enabled");
    expect(p).toMatchObject({ galeraVariables: ["wsrep_on", "wsrep_desync", "wsrep_node_name", "wsrep_cluster_name"], groupCheck: false });
  });

  it("MariaDB before 10.3.3 has no built-in semi-sync (SHOW stays); before 10.1 nothing is folded", () => {
    expect(pollPlan(v("10.2.44-MariaDB"))!.semiSyncVariables).toEqual([]);
    expect(pollPlan(v("10.2.44-MariaDB"))!.factsQuery).not.toContain("rpl_semi_sync");
    expect(pollPlan(v("10.0.38-MariaDB"))).toBeNull();
  });

  it("MySQL ≥ 8.0 reads plugin variables from performance_schema (NULL when absent) and counts group members", () => {
    const p = pollPlan(v("8.0.36"))!;
    expect(p.factsQuery).not.toContain("@@wsrep_on");
    expect(p.factsQuery).toContain("VARIABLE_NAME = 'wsrep_on') AS wsrep_on");
    expect(p.factsQuery).toContain("VARIABLE_NAME = 'rpl_semi_sync_source_enabled') AS rpl_semi_sync_source_enabled");
    expect(p.factsQuery).toContain("FROM performance_schema.replication_group_members WHERE MEMBER_ID <> '') AS group_members");
    expect(p.factsQuery).toContain("(SELECT COUNT(*) FROM performance_schema.global_variables WHERE VARIABLE_NAME = 'server_id') AS variables_table");
    expect(p).toMatchObject({ galeraVariables: ["wsrep_on"], groupCheck: true, tableCheck: true });
    expect(pollPlan(v("8.0.21"))!.semiSyncVariables).toEqual(["rpl_semi_sync_master_enabled", "rpl_semi_sync_slave_enabled"]);
    expect(pollPlan(v("5.7.44"))).toBeNull();
  });

  it("tells a refusal for good (1193, 1142, 1146, 1109) from one for now (1047) and from real failures", () => {
    expect([1193, 1142, 1146, 1109].map((errno) => foldRefusal({ errno }))).toEqual(["for good", "for good", "for good", "for good"]);
    expect(foldRefusal({ errno: 1047 })).toBe("for now");
    expect(foldRefusal({ errno: 2013 })).toBeNull();
    expect(foldRefusal(new Error("x"))).toBeNull();
  });
});

describe("folded values", () => {
  it("become SHOW VARIABLES rows, a NULL (absent variable) left out", () => {
    expect(foldedVariableRows({ server_id: 1, wsrep_on: 0, rpl_semi_sync_source_enabled: null, rpl_semi_sync_master_enabled: "ON" }, ["wsrep_on", "rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled"]))
      .toEqual([{ Variable_name: "wsrep_on", Value: "0" }, { Variable_name: "rpl_semi_sync_master_enabled", Value: "ON" }]);
    expect([foldedTableServes({ variables_table: 1 }), foldedTableServes({ variables_table: 0 })]).toEqual([true, false]);
    expect([foldedGroupMembers({ group_members: 3 }), foldedGroupMembers({ group_members: "0" }), foldedGroupMembers({})]).toEqual([true, false, false]);
  });
});
