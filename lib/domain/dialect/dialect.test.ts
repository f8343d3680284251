import { describe, expect, it } from "vitest";
import { dialectFor, fallbackDialect, isSyntaxError, sourceOption } from "./dialect";
import { parseServerVersion } from "./version";

const d = (v: string) => dialectFor(parseServerVersion(v)!);

describe("dialectFor", () => {
  it.each([
    ["5.7.44", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "SHOW SLAVE HOSTS"],
    ["8.0.21", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "SHOW SLAVE HOSTS"],
    ["8.0.22", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "SHOW REPLICAS"],
    ["8.3.0", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "SHOW REPLICAS"],
    ["8.4.3", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "SHOW REPLICAS"],
    ["9.1.0", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "SHOW REPLICAS"],
    ["10.4.34-MariaDB", "SHOW ALL SLAVES STATUS", "SHOW MASTER STATUS", "SHOW SLAVE HOSTS"],
    ["10.11.6-MariaDB", "SHOW ALL REPLICAS STATUS", "SHOW BINLOG STATUS", "SHOW REPLICA HOSTS"],
    ["11.4.2-MariaDB", "SHOW ALL REPLICAS STATUS", "SHOW BINLOG STATUS", "SHOW REPLICA HOSTS"],
  ])("%s", (version, replicaStatus, sourceStatus, replicaHosts) => {
    expect(d(version)).toMatchObject({ replicaStatus, sourceStatus, replicaHosts });
  });

  it.each([
    ["5.7.44", "START SLAVE", "RESET SLAVE ALL", "CHANGE MASTER TO", "MASTER_HOST", "GET_MASTER_PUBLIC_KEY"],
    ["8.0.22", "START REPLICA", "RESET REPLICA ALL", "CHANGE MASTER TO", "MASTER_HOST", "GET_MASTER_PUBLIC_KEY"],
    ["8.0.23", "START REPLICA", "RESET REPLICA ALL", "CHANGE REPLICATION SOURCE TO", "SOURCE_HOST", "GET_SOURCE_PUBLIC_KEY"],
    ["8.4.3", "START REPLICA", "RESET REPLICA ALL", "CHANGE REPLICATION SOURCE TO", "SOURCE_HOST", "GET_SOURCE_PUBLIC_KEY"],
    ["10.4.34-MariaDB", "START SLAVE", "RESET SLAVE ALL", "CHANGE MASTER TO", "MASTER_HOST", "GET_MASTER_PUBLIC_KEY"],
    ["11.4.2-MariaDB", "START REPLICA", "RESET REPLICA ALL", "CHANGE MASTER TO", "MASTER_HOST", "GET_MASTER_PUBLIC_KEY"],
  ])("%s controls the replica with %s / %s / %s", (version, start, reset, change, host, key) => {
    const x = d(version);
    expect(x).toMatchObject({ startReplica: start, stopReplica: start.replace("START", "STOP"), resetReplicaAll: reset, changeSource: change });
    expect([sourceOption(x, "HOST"), sourceOption(x, "GET_PUBLIC_KEY")]).toEqual([host, key]);
  });

  it("asks only for variables that exist on the flavor/version", () => {
    expect(d("8.4.0").factsQuery).toContain("@@log_replica_updates");
    expect(d("8.0.25").factsQuery).toContain("@@log_slave_updates");
    expect(d("5.7.44").factsQuery).toContain("@@super_read_only");
    expect(d("10.11.6-MariaDB").factsQuery).not.toMatch(/@@(super_read_only|server_uuid|gtid_mode|log_replica_updates|replica_parallel_workers)\b/);
    expect(d("5.7.7").factsQuery).not.toContain("super_read_only");
    for (const v of ["5.7.44", "8.4.0", "10.11.6-MariaDB"]) expect(d(v).semiSyncQuery).toMatch(/^SHOW GLOBAL VARIABLES/);
  });

  it("falls back to the other terminology once", () => {
    const v = parseServerVersion("8.0.30")!;
    const first = dialectFor(v);
    const second = fallbackDialect(v, first);
    expect(second.replicaStatus).toBe("SHOW SLAVE STATUS");
    expect(fallbackDialect(v, dialectFor(parseServerVersion("8.0.21")!)).sourceStatus).toBe("SHOW BINARY LOG STATUS");
    expect(fallbackDialect(parseServerVersion("8.4.0")!, dialectFor(parseServerVersion("8.4.0")!)).sourceStatus).toBe("SHOW MASTER STATUS");
    expect(fallbackDialect(v, second).replicaStatus).toBe("SHOW REPLICA STATUS");
    expect(isSyntaxError({ errno: 1064 })).toBe(true);
    expect(isSyntaxError({ code: "ER_PARSE_ERROR" })).toBe(true);
    expect(isSyntaxError({ errno: 1045 })).toBe(false);
    expect(isSyntaxError(null)).toBe(false);
  });

  it("a wrong guess of an old MySQL falls back to what 8.4 accepts, for every statement", () => {
    const v = parseServerVersion("8.0.21")!;
    expect(fallbackDialect(v, dialectFor(v))).toMatchObject({
      replicaStatus: "SHOW REPLICA STATUS", sourceStatus: "SHOW BINARY LOG STATUS", replicaHosts: "SHOW REPLICAS",
      startReplica: "START REPLICA", resetReplicaAll: "RESET REPLICA ALL", changeSource: "CHANGE REPLICATION SOURCE TO", optionPrefix: "SOURCE_",
    });
  });

  it("MariaDB falls back between the ALL REPLICAS and ALL SLAVES forms, never to MySQL-only statements", () => {
    const v = parseServerVersion("10.11.6-MariaDB")!;
    const back = fallbackDialect(v, dialectFor(v));
    expect(back).toMatchObject({ replicaStatus: "SHOW ALL SLAVES STATUS", sourceStatus: "SHOW MASTER STATUS", replicaHosts: "SHOW SLAVE HOSTS", changeSource: "CHANGE MASTER TO" });
    expect(fallbackDialect(v, back)).toMatchObject({ replicaStatus: "SHOW ALL REPLICAS STATUS", sourceStatus: "SHOW BINLOG STATUS", replicaHosts: "SHOW REPLICA HOSTS" });
  });
});
