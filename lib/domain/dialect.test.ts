import { describe, expect, it } from "vitest";
import { dialectFor, fallbackDialect, isSyntaxError } from "./dialect";
import { parseServerVersion } from "./server-version";

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

  it("asks only for variables that exist on the flavor/version", () => {
    expect(d("8.4.0").factsQuery).toContain("@@log_replica_updates");
    expect(d("8.0.25").factsQuery).toContain("@@log_slave_updates");
    expect(d("5.7.44").factsQuery).toContain("@@super_read_only");
    expect(d("10.11.6-MariaDB").factsQuery).not.toMatch(/super_read_only|server_uuid|gtid_mode/);
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
    expect(isSyntaxError({ errno: 1045 })).toBe(false);
  });
});
