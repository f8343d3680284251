// Reads one server's replication state with its dialect's statements; rows go to the domain untouched.
import "server-only";
import { type Dialect, dialectFor, fallbackDialect, isSyntaxError } from "@/lib/domain/dialect";
import { parseServerVersion, type ServerVersion } from "@/lib/domain/server-version";
import type { TimedConnection } from "./connection";
import { readHeartbeat } from "./heartbeat";
import { VERSION_QUERY } from "./probe";

type Rows = Record<string, unknown>[];

/** Everything one poll reads from a server, as the server returned it. */
export interface RawStatus {
  version: ServerVersion;
  replicaRows: Rows;
  factsRow: Record<string, unknown>;
  semiSyncRows: Rows;
  sourceRows: Rows;
  heartbeatRows: Rows;
}

/** Runs `pick(dialect)`; on a syntax error (the server does not know that terminology) retries once with the other. */
async function withFallback(c: TimedConnection, v: ServerVersion, pick: (d: Dialect) => string): Promise<Rows> {
  const preferred = dialectFor(v);
  try {
    return await c.query<Rows>(pick(preferred));
  } catch (e) {
    if (!isSyntaxError(e)) throw e;
    return c.query<Rows>(pick(fallbackDialect(v, preferred)));
  }
}

/** Detects the version when the registry does not know it yet. */
export async function readVersion(c: TimedConnection): Promise<ServerVersion> {
  const [row] = await c.query<{ version: string; comment: string | null }[]>(VERSION_QUERY);
  const v = parseServerVersion(row?.version ?? "", row?.comment ?? "");
  if (!v) throw new Error(`unrecognised server version "${row?.version}"`);
  return v;
}

/** One poll: replica status (all channels), server facts, semi-sync, source coordinates, heartbeat rows. */
export async function readStatus(c: TimedConnection, known: ServerVersion | null, heartbeatSchemas: string[]): Promise<RawStatus> {
  const version = known ?? (await readVersion(c));
  const d = dialectFor(version);
  const replicaRows = await withFallback(c, version, (x) => x.replicaStatus);
  const [factsRow] = await c.query<Rows>(d.factsQuery);
  const semiSyncRows = await c.query<Rows>(d.semiSyncQuery);
  const sourceRows = await withFallback(c, version, (x) => x.sourceStatus);
  const heartbeatRows: Rows = [];
  if (replicaRows.length) for (const schema of heartbeatSchemas) heartbeatRows.push(...(await readHeartbeat(c, schema)));
  return { version, replicaRows, factsRow: factsRow ?? {}, semiSyncRows, sourceRows, heartbeatRows };
}
