// Errant transactions: GTIDs a replica executed that its source never had, with where they came from (pure).
import { gtidSubtract, mariaAhead, isMariaPos } from "../operations/gtid";

/** One origin of errant transactions: a MySQL server_uuid, or a MariaDB domain + server_id. */
export interface ErrantOrigin {
  gtids: string;
  origin: string;
  /** The MySQL server_uuid, or the MariaDB server_id, that wrote them. */
  uuid?: string;
  serverId?: number;
}

/**
 * The GTIDs on `replica` that `source` lacks, grouped by origin; the source's own GTIDs are left out (a source read
 * before its replica under writes is behind it for a moment, which is not errant).
 */
export function errantByOrigin(replica: string, source: string, sourceOwn: { uuid?: string | null; serverId?: number | null } = {}): ErrantOrigin[] {
  if (!replica.trim()) return [];
  if (isMariaPos(replica)) {
    return mariaAhead(replica, source)
      .map((g) => {
        const [d, s] = g.split("-").map(Number);
        return { gtids: g, origin: `domain ${d}, server_id ${s}`, serverId: s };
      })
      .filter((e) => e.serverId !== sourceOwn.serverId);
  }
  const diff = gtidSubtract(replica, source);
  if (!diff) return [];
  return diff
    .split(",")
    .map((part) => ({ gtids: part, uuid: part.split(":")[0], origin: `server_uuid ${part.split(":")[0]}` }))
    .filter((e) => e.uuid !== sourceOwn.uuid?.toLowerCase());
}

/** The errant GTIDs as one text ("" when none). */
export const errantText = (e: ErrantOrigin[]) => e.map((x) => x.gtids).join(",");
