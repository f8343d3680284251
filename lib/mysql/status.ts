// Reads one server's replication state with its dialect's statements; rows go to the domain untouched.
import "server-only";
import { dialectFor, parseServerVersion, type ServerVersion } from "@/lib/domain/dialect";
import { semiSyncEnabled } from "@/lib/domain/semi-sync";
import { galeraEnabled, galeraReady } from "@/lib/domain/galera";
import { allowDirtyReads, readGaleraStatus, readGroupRows, readWsrepVariables } from "./clusters";
import type { TimedConnection } from "./connection";
import { readHeartbeat } from "./heartbeat";
import { VERSION_QUERY } from "./probe";
import { queryDialect, type Rows } from "./query";

/** Everything one poll reads from a server, as the server returned it. */
export interface RawStatus {
  version: ServerVersion;
  replicaRows: Rows;
  factsRow: Record<string, unknown>;
  semiSyncRows: Rows;
  semiSyncStatusRows: Rows;
  sourceRows: Rows;
  heartbeatRows: Rows;
  galeraVariableRows: Rows;
  galeraStatusRows: Rows;
  groupMemberRows: Rows;
  groupStatsRows: Rows;
  groupVariableRows: Rows;
}

/** Detects the version when the registry does not know it yet. */
export async function readVersion(c: TimedConnection): Promise<ServerVersion> {
  const [row] = await c.query<{ version: string; comment: string | null }[]>(VERSION_QUERY);
  const v = parseServerVersion(row?.version ?? "", row?.comment ?? "");
  if (!v) throw new Error(`unrecognised server version "${row?.version}"`);
  return v;
}

/** One poll: replica status (all channels), server facts, semi-sync (counters only when enabled), source coordinates, heartbeat rows, Galera and group state. */
export async function readStatus(c: TimedConnection, known: ServerVersion | null, heartbeatSchemas: string[]): Promise<RawStatus> {
  const version = known ?? (await readVersion(c));
  const d = dialectFor(version);
  // Galera first: a node outside the primary component refuses other reads until dirty reads are allowed.
  const galeraVariableRows = await readWsrepVariables(c);
  const galeraStatusRows = galeraEnabled(galeraVariableRows) ? await readGaleraStatus(c) : [];
  if (galeraStatusRows.length && !galeraReady(galeraStatusRows)) await allowDirtyReads(c);
  const replicaRows = await queryDialect(c, version, (x) => x.replicaStatus);
  const [factsRow] = await c.query<Rows>(d.factsQuery);
  const semiSyncRows = await c.query<Rows>(d.semiSyncQuery);
  const semiSyncStatusRows = semiSyncEnabled(semiSyncRows) ? await c.query<Rows>(d.semiSyncStatusQuery) : [];
  const sourceRows = await queryDialect(c, version, (x) => x.sourceStatus);
  const heartbeatRows: Rows = [];
  if (replicaRows.length) for (const schema of heartbeatSchemas) heartbeatRows.push(...(await readHeartbeat(c, schema)));
  const group = await readGroupRows(c, version);
  return { version, replicaRows, factsRow: factsRow ?? {}, semiSyncRows, semiSyncStatusRows, sourceRows, heartbeatRows, galeraVariableRows, galeraStatusRows, ...group };
}
