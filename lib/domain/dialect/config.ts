// my.cnf lines for settings that need a restart, named correctly per flavor and version (pure).
import { hasBinlogExpireSeconds, hasSuperReadOnly, usesReplicaVariables } from "./capabilities";
import type { ServerVersion } from "./version";

/** Binlog expiry setting: binlog_expire_logs_seconds on MySQL 8.0+ (expire_logs_days is gone in 8.4), expire_logs_days before and on MariaDB. */
export function expiryLine(v: ServerVersion, days: number): string {
  return hasBinlogExpireSeconds(v) ? `binlog_expire_logs_seconds = ${Math.round(days * 86_400)}` : `expire_logs_days = ${days}`;
}

/** Lines for the source: a server id, the binary log in ROW format, and its retention. */
export function sourceConfig(v: ServerVersion, serverId: number, keepDays = 7): string {
  return ["[mysqld]", `server-id = ${serverId}`, "log_bin = mysql-bin", "binlog_format = ROW", expiryLine(v, keepDays)].join("\n");
}

/** Lines for the new replica: its own server id, read-only, crash-safe relay log, updates logged for chaining. */
export function replicaConfig(v: ServerVersion, serverId: number): string {
  const updates = usesReplicaVariables(v) ? "log_replica_updates = ON" : "log_slave_updates = ON";
  const lines = ["[mysqld]", `server-id = ${serverId}`, "read_only = ON"];
  if (hasSuperReadOnly(v)) lines.push("super_read_only = ON");
  return [...lines, "relay_log_recovery = ON", "log_bin = mysql-bin", updates].join("\n");
}
