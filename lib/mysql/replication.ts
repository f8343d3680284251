// Typed readers of a server's replication state: channels, binlog coordinates, GTID positions, binary logs, variables.
import "server-only";
import { binlogGtidPosQuery, gtidPositionQuery, type ServerVersion, variablesQuery } from "@/lib/domain/dialect";
import { type ChannelStatus, normaliseReplicaRows } from "@/lib/domain/replica-status";
import { type BinaryLog, normaliseBinaryLogs, normaliseSourceStatus, normaliseVariables, type SourceStatus } from "@/lib/domain/server-facts";
import { type Queryable, queryDialect, type Rows } from "./query";

/** Every replication channel (all named connections on MariaDB), normalised. */
export const readChannels = async (c: Queryable, v: ServerVersion): Promise<ChannelStatus[]> => normaliseReplicaRows(await queryDialect(c, v, (d) => d.replicaStatus));

/** The server's own binlog coordinates; null when its binary log is off. */
export const readSourceStatus = async (c: Queryable, v: ServerVersion): Promise<SourceStatus | null> => normaliseSourceStatus(await queryDialect(c, v, (d) => d.sourceStatus));

/** The server's own GTID position (MariaDB gtid_binlog_pos, MySQL gtid_executed); "" when it has none. */
export async function readGtidPosition(c: Queryable, v: ServerVersion): Promise<string> {
  const [row] = await c.query<{ pos: string | null }[]>(gtidPositionQuery(v));
  return String(row?.pos ?? "");
}

/** MariaDB: the GTID position matching binlog coordinates on this source. */
export async function readBinlogGtidPos(c: Queryable, file: string, position: number): Promise<string> {
  const [row] = await c.query<{ gtid: string | null }[]>(binlogGtidPosQuery(file, position));
  return String(row?.gtid ?? "");
}

/** The binary logs the server still has, with their sizes. */
export const listBinaryLogs = async (c: Queryable): Promise<BinaryLog[]> => normaliseBinaryLogs(await c.query<Rows>("SHOW BINARY LOGS"));

/** Global variables by lower-case name; names this server lacks are simply absent. */
export const readVariables = async (c: Queryable, names: string[]): Promise<Map<string, string>> => normaliseVariables(await c.query<Rows>(variablesQuery(names)));
