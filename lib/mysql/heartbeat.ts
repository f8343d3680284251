// pt-heartbeat-compatible heartbeat: the table, the writer on sources, the reader on replicas.
import "server-only";
import mysql from "mysql2/promise";
import type { TimedConnection } from "./connection";

/** The pt-heartbeat table layout (its --create-table definition), in the schema the user picked. */
export const createHeartbeatTable = (schema: string) => `CREATE TABLE IF NOT EXISTS ${mysql.escapeId(schema)}.heartbeat (
  ts VARCHAR(26) NOT NULL, server_id INT UNSIGNED NOT NULL PRIMARY KEY, file VARCHAR(255) DEFAULT NULL,
  position BIGINT UNSIGNED DEFAULT NULL, relay_master_log_file VARCHAR(255) DEFAULT NULL, exec_master_log_pos BIGINT UNSIGNED DEFAULT NULL
) ENGINE=InnoDB`;

/** One heartbeat, as `pt-heartbeat --update --utc` writes it. */
export const writeHeartbeatRow = (schema: string) =>
  `REPLACE INTO ${mysql.escapeId(schema)}.heartbeat (ts, server_id) VALUES (DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%f'), @@server_id)`;

/** Every heartbeat row with its age measured on the reading server's clock (microseconds). */
export const readHeartbeatRows = (schema: string) =>
  `SELECT server_id, ts, TIMESTAMPDIFF(MICROSECOND, STR_TO_DATE(ts, '%Y-%m-%dT%H:%i:%s.%f'), UTC_TIMESTAMP(6)) AS age_us FROM ${mysql.escapeId(schema)}.heartbeat`;

/** The heartbeat's statements as the audit trail shows them: set up once, then one row every second (not audited each time). */
export const heartbeatAuditText = (schema: string) =>
  `CREATE DATABASE IF NOT EXISTS ${mysql.escapeId(schema)}; ${createHeartbeatTable(schema).replace(/\s+/g, " ")}; then every second: ${writeHeartbeatRow(schema)}`;

/** Creates the schema and table if needed, then writes one heartbeat. */
export async function writeHeartbeat(c: TimedConnection, schema: string, ensure: boolean): Promise<void> {
  if (ensure) {
    await c.query(`CREATE DATABASE IF NOT EXISTS ${mysql.escapeId(schema)}`);
    await c.query(createHeartbeatTable(schema));
  }
  await c.query(writeHeartbeatRow(schema));
}

/** Reads heartbeat rows; a missing table (not replicated yet, or never enabled) reads as no rows. */
export async function readHeartbeat(c: TimedConnection, schema: string): Promise<Record<string, unknown>[]> {
  try {
    return await c.query<Record<string, unknown>[]>(readHeartbeatRows(schema));
  } catch (e) {
    const errno = (e as { errno?: number }).errno;
    if (errno === 1146 || errno === 1049) return [];
    throw e;
  }
}
