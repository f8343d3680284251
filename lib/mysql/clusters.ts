// Reads Galera (wsrep) and Group Replication state with the dialect's statements; rows go to the domain untouched.
import "server-only";
import {
  galeraDirtyReadsStatement, galeraStatusQuery, galeraVariablesQuery, groupMembersQuery, groupMemberStatsQuery, groupVariablesQuery, hasGroupReplication, isSyntaxError, type ServerVersion,
} from "@/lib/domain/dialect";
import type { Queryable, Rows } from "./query";

/** wsrep_on, wsrep_desync and the node and cluster names (no rows on a server without wsrep). */
export const readWsrepVariables = (c: Queryable) => c.query<Rows>(galeraVariablesQuery);

/** The wsrep status counters (read once wsrep_on is ON). */
export const readGaleraStatus = (c: Queryable) => c.query<Rows>(galeraStatusQuery);

/** Allows this session's reads on a node that is not ready (non-Primary), so its state can still be shown. */
export const allowDirtyReads = (c: Queryable) => c.query(galeraDirtyReadsStatement).then(() => undefined);

/** True for "table doesn't exist" / "unknown table" (performance_schema off or a build without the tables). */
function isMissingTable(e: unknown): boolean {
  const errno = (e as { errno?: number } | null)?.errno;
  return errno === 1146 || errno === 1109 || errno === 1142;
}

/** Group members, their stats and the group variables; empty on servers without Group Replication. */
export async function readGroupRows(c: Queryable, v: ServerVersion): Promise<{ groupMemberRows: Rows; groupStatsRows: Rows; groupVariableRows: Rows }> {
  const none = { groupMemberRows: [], groupStatsRows: [], groupVariableRows: [] };
  if (!hasGroupReplication(v)) return none;
  try {
    const groupMemberRows = await c.query<Rows>(groupMembersQuery);
    if (!groupMemberRows.some((r) => r.MEMBER_ID)) return none;
    const groupStatsRows = await c.query<Rows>(groupMemberStatsQuery);
    const groupVariableRows = await c.query<Rows>(groupVariablesQuery);
    return { groupMemberRows, groupStatsRows, groupVariableRows };
  } catch (e) {
    if (isMissingTable(e) || isSyntaxError(e)) return none;
    throw e;
  }
}
