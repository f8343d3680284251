// Reads what one server knows about its neighbours: replica status, listed replicas, binlog dump threads.
import "server-only";
import { dialectFor, fallbackDialect, isSyntaxError } from "@/lib/domain/dialect";
import type { InspectRows } from "@/lib/domain/discovery";
import type { ServerVersion } from "@/lib/domain/server-version";
import type { TimedConnection } from "./connection";
import { readVersion } from "./status";

/** Binlog dump threads: each is a replica streaming from this server. */
export const DUMP_THREADS_QUERY = "SELECT HOST FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'";

async function tryBoth(c: TimedConnection, v: ServerVersion, pick: "replicaStatus" | "replicaHosts") {
  const d = dialectFor(v);
  try {
    return await c.query<Record<string, unknown>[]>(d[pick]);
  } catch (e) {
    if (!isSyntaxError(e)) throw e;
    return c.query<Record<string, unknown>[]>(fallbackDialect(v, d)[pick]);
  }
}

/** Version, server_id and the rows discovery needs; a missing privilege for one listing reads as no rows. */
export async function inspectServer(c: TimedConnection): Promise<InspectRows & { version: ServerVersion; serverId: number | null }> {
  const version = await readVersion(c);
  const [idRow] = await c.query<{ id: number }[]>("SELECT @@server_id AS id");
  const replicaRows = await tryBoth(c, version, "replicaStatus");
  const hostRows = await tryBoth(c, version, "replicaHosts").catch(() => []);
  const dumpRows = await c.query<Record<string, unknown>[]>(DUMP_THREADS_QUERY).catch(() => []);
  return { version, serverId: idRow?.id ?? null, replicaRows, hostRows, dumpRows };
}
