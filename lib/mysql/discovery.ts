// Reads what one server knows about its neighbours: replica status, listed replicas, binlog dump threads, Galera peers.
import "server-only";
import type { ServerVersion } from "@/lib/domain/dialect";
import type { InspectRows } from "@/lib/domain/discovery";
import type { TimedConnection } from "./connection";
import { galeraEnabled } from "@/lib/domain/galera";
import { readGaleraStatus, readWsrepVariables } from "./clusters";
import { queryDialect, type Rows } from "./query";
import { readVersion } from "./status";

/** Binlog dump threads: each is a replica streaming from this server. */
export const DUMP_THREADS_QUERY = "SELECT HOST FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'";

/** Version, server_id and the rows discovery needs; a missing privilege for one listing reads as no rows. */
export async function inspectServer(c: TimedConnection): Promise<InspectRows & { version: ServerVersion; serverId: number | null }> {
  const version = await readVersion(c);
  const [idRow] = await c.query<{ id: number }[]>("SELECT @@server_id AS id");
  const replicaRows = await queryDialect(c, version, (d) => d.replicaStatus);
  const hostRows = await queryDialect(c, version, (d) => d.replicaHosts).catch(() => []);
  const dumpRows = await c.query<Rows>(DUMP_THREADS_QUERY).catch(() => []);
  const wsrep = await readWsrepVariables(c).catch(() => []);
  const galeraRows = galeraEnabled(wsrep) ? await readGaleraStatus(c).catch(() => []) : [];
  return { version, serverId: idRow?.id ?? null, replicaRows, hostRows, dumpRows, galeraRows };
}
