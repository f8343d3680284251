// my.cnf lines per flavor and version.
import { describe, expect, it } from "vitest";
import { expiryLine, replicaConfig } from "./config";
import { parseServerVersion } from "./version";

describe("config help", () => {
  it("names binlog expiry per version: MySQL 8.4 has no expire_logs_days", () => {
    expect(expiryLine(parseServerVersion("8.4.3")!, 7)).toBe("binlog_expire_logs_seconds = 604800");
    expect(expiryLine(parseServerVersion("5.7.44")!, 7)).toBe("expire_logs_days = 7");
    expect(expiryLine(parseServerVersion("10.11.6-MariaDB")!, 3)).toBe("expire_logs_days = 3");
    expect(replicaConfig(parseServerVersion("8.4.3")!, 5)).toContain("super_read_only = ON");
    expect(replicaConfig(parseServerVersion("8.4.3")!, 5)).toContain("log_replica_updates = ON");
  });
  it("gives MariaDB and MySQL 5.7 replicas the old variable name, and super_read_only only where it exists", () => {
    expect(replicaConfig(parseServerVersion("10.11.6-MariaDB")!, 5)).toContain("log_slave_updates = ON");
    expect(replicaConfig(parseServerVersion("10.11.6-MariaDB")!, 5)).not.toContain("super_read_only");
    expect(replicaConfig(parseServerVersion("5.7.44")!, 5)).toMatch(/super_read_only = ON[\s\S]*log_slave_updates = ON/);
  });
});
