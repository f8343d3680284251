// Reads one server's replication state with its dialect's statements; rows go to the domain untouched.
import "server-only";
import { dialectFor, foldRefusal, parseServerVersion, type PollPlan, pollPlan, type ServerVersion } from "@/lib/domain/dialect";
import { foldedGroupMembers, foldedTableServes, foldedVariableRows } from "@/lib/domain/folded-poll";
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

/** Kept connections whose server refused the folded SELECT: read statement by statement for the connection's life. */
const refusedFold = new WeakSet<object>();

/** What the first statements found, before the replication reads. */
interface Head {
  /** The facts row, or null to read it after replica status (as the statement-by-statement order always did). */
  factsRow: Record<string, unknown> | null;
  galeraVariableRows: Rows;
  galeraStatusRows: Rows;
  /** Semi-sync switches already read (folded), or null to read them with SHOW. */
  semiSyncRows: Rows | null;
  /** Group tables worth reading: known from the folded count, or null to ask the members table. */
  groupMembers: boolean | null;
}

/** wsrep status when wsrep is on; a node that is not ready lets this session read dirty (else it refuses the rest). */
async function readGalera(c: TimedConnection, galeraVariableRows: Rows): Promise<Rows> {
  const galeraStatusRows = galeraEnabled(galeraVariableRows) ? await readGaleraStatus(c) : [];
  if (galeraStatusRows.length && !galeraReady(galeraStatusRows)) await allowDirtyReads(c);
  return galeraStatusRows;
}

/** One SELECT for facts, wsrep and semi-sync switches and the group member count; null when the server refused it. */
async function readFolded(c: TimedConnection, plan: PollPlan): Promise<Head | null> {
  let factsRow: Record<string, unknown>;
  try {
    [factsRow = {}] = await c.query<Rows>(plan.factsQuery);
  } catch (e) {
    const refusal = foldRefusal(e);
    if (!refusal) throw e;
    if (refusal === "for good") refusedFold.add(c.raw);
    return null;
  }
  if (plan.tableCheck && !foldedTableServes(factsRow)) {
    refusedFold.add(c.raw);
    return null;
  }
  const wsrepOn = foldedVariableRows(factsRow, plan.galeraVariables);
  // MySQL folds only wsrep_on: its other wsrep variables are read on a wsrep node (Percona XtraDB Cluster) alone.
  const galeraVariableRows = plan.galeraVariables.length > 1 || !galeraEnabled(wsrepOn) ? wsrepOn : await readWsrepVariables(c);
  const galeraStatusRows = await readGalera(c, galeraVariableRows);
  const semiSyncRows = plan.semiSyncVariables.length ? foldedVariableRows(factsRow, plan.semiSyncVariables) : null;
  return { factsRow, galeraVariableRows, galeraStatusRows, semiSyncRows, groupMembers: plan.groupCheck ? foldedGroupMembers(factsRow) : null };
}

/** Statement by statement, Galera first: a node outside the primary component refuses other reads until dirty reads are allowed. */
async function readUnfolded(c: TimedConnection): Promise<Head> {
  const galeraVariableRows = await readWsrepVariables(c);
  const galeraStatusRows = await readGalera(c, galeraVariableRows);
  return { factsRow: null, galeraVariableRows, galeraStatusRows, semiSyncRows: null, groupMembers: null };
}

/** One poll: server facts with Galera and semi-sync switches, replica status (all channels), semi-sync counters when enabled, source coordinates, heartbeat rows, group state. */
export async function readStatus(c: TimedConnection, known: ServerVersion | null, heartbeatSchemas: string[]): Promise<RawStatus> {
  const version = known ?? (await readVersion(c));
  const d = dialectFor(version);
  const plan = refusedFold.has(c.raw) ? null : pollPlan(version);
  const head = (plan && (await readFolded(c, plan))) ?? (await readUnfolded(c));
  const replicaRows = await queryDialect(c, version, (x) => x.replicaStatus);
  const factsRow = head.factsRow ?? (await c.query<Rows>(d.factsQuery))[0] ?? {};
  const semiSyncRows = head.semiSyncRows ?? (await c.query<Rows>(d.semiSyncQuery));
  const semiSyncStatusRows = semiSyncEnabled(semiSyncRows) ? await c.query<Rows>(d.semiSyncStatusQuery) : [];
  const sourceRows = await queryDialect(c, version, (x) => x.sourceStatus);
  const heartbeatRows: Rows = [];
  if (replicaRows.length) for (const schema of heartbeatSchemas) heartbeatRows.push(...(await readHeartbeat(c, schema)));
  const group = head.groupMembers === false ? { groupMemberRows: [], groupStatsRows: [], groupVariableRows: [] } : await readGroupRows(c, version);
  const { galeraVariableRows, galeraStatusRows } = head;
  return { version, replicaRows, factsRow, semiSyncRows, semiSyncStatusRows, sourceRows, heartbeatRows, galeraVariableRows, galeraStatusRows, ...group };
}
