import { describe, expect, it } from "vitest";
import { capturedColumns } from "@/lib/domain/__fixtures__/capture";
import { parseServerVersion } from "@/lib/domain/dialect";
import { MYSQL_57_SLAVE, MYSQL_80_REPLICA, MYSQL_80_SLAVE } from "./columns";
import { familyRules, mariadbAllColumns, mariadbColumns } from "./family";

const v = (s: string) => parseServerVersion(s)!;

describe("fake column lists", () => {
  it("match the columns a real MariaDB 10.11 sent (captured)", () => {
    expect(mariadbColumns(v("10.11.19-MariaDB"))).toEqual(capturedColumns("[replica 23307] SHOW SLAVE STATUS -- column names"));
    expect(mariadbColumns(v("10.11.19-MariaDB"))).toEqual(capturedColumns("[replica 23307] SHOW REPLICA STATUS -- column names"));
    expect(mariadbAllColumns(v("10.11.19-MariaDB"))).toEqual(capturedColumns("[replica 23307] SHOW ALL SLAVES STATUS -- column names"));
    expect(familyRules("10.11.19-MariaDB").replicaHosts["SHOW REPLICA HOSTS"]).toEqual(capturedColumns("[master 23306] SHOW REPLICA HOSTS -- column names"));
    expect(familyRules("10.11.19-MariaDB").sourceStatus["SHOW BINLOG STATUS"]).toEqual(capturedColumns("[master 23306] SHOW BINLOG STATUS -- column names"));
  });

  it("have the reference's lengths and versions' differences", () => {
    expect([MYSQL_57_SLAVE.length, MYSQL_80_SLAVE.length, MYSQL_80_REPLICA.length]).toEqual([57, 60, 60]);
    expect(mariadbColumns(v("10.6.18-MariaDB"))).toHaveLength(53);
    expect(mariadbAllColumns(v("11.8.1-MariaDB")).slice(-3)).toEqual(["Master_last_event_time", "Slave_last_event_time", "Master_Slave_time_diff"]);
    expect(familyRules("8.0.36").replicaStatus["SHOW SLAVE STATUS"]).toContain("Seconds_Behind_Master");
    expect(familyRules("8.0.36").replicaStatus["SHOW REPLICA STATUS"]).toContain("Seconds_Behind_Source");
  });
});

describe("replica control statements each family parses", () => {
  it.each([
    ["5.7.44", ["START SLAVE", "RESET SLAVE ALL", "CHANGE MASTER TO MASTER_HOST='h'", "RESET MASTER"], ["START REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h'", "CHANGE MASTER TO SOURCE_HOST='h'"]],
    ["8.0.22", ["START REPLICA", "START SLAVE", "CHANGE MASTER TO MASTER_HOST='h'"], ["CHANGE REPLICATION SOURCE TO SOURCE_HOST='h'", "RESET BINARY LOGS AND GTIDS"]],
    ["8.3.0", ["CHANGE REPLICATION SOURCE TO SOURCE_HOST='h'", "CHANGE MASTER TO SOURCE_HOST='h'", "CHANGE REPLICATION SOURCE TO MASTER_HOST='h'", "RESET BINARY LOGS AND GTIDS"], []],
    ["8.4.3", ["START REPLICA", "RESET REPLICA ALL", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h', GET_SOURCE_PUBLIC_KEY=1"], ["START SLAVE", "RESET SLAVE ALL", "CHANGE MASTER TO MASTER_HOST='h'", "CHANGE REPLICATION SOURCE TO MASTER_HOST='h'", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h', GET_MASTER_PUBLIC_KEY=1", "RESET MASTER"]],
    ["10.4.34-MariaDB", ["START SLAVE", "STOP ALL SLAVES", "CHANGE MASTER TO MASTER_HOST='h', MASTER_USE_GTID=SLAVE_POS"], ["START REPLICA", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h'"]],
    ["10.11.6-MariaDB", ["START REPLICA", "STOP ALL REPLICAS", "CHANGE MASTER TO MASTER_HOST='h'"], ["CHANGE REPLICATION SOURCE TO SOURCE_HOST='h'", "CHANGE MASTER TO MASTER_AUTO_POSITION=1"]],
  ])("%s", (version, accepted, rejected) => {
    const rules = familyRules(version);
    expect(accepted.filter((s) => !rules.accepts(s))).toEqual([]);
    expect(rejected.filter((s) => rules.accepts(s))).toEqual([]);
  });
});
