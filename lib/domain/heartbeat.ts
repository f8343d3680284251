// pt-heartbeat-compatible lag: which heartbeat row a replica measures against, and the resulting lag (pure).
import { cellText } from "./cell-text";

/** A heartbeat row as read on a replica, with its age computed on the replica's own clock. */
export interface HeartbeatRow {
  serverId: number;
  ts: string;
  ageSeconds: number | null;
}

/** Normalises rows of the heartbeat read query (column names stay here). */
export function parseHeartbeatRows(rows: Record<string, unknown>[]): HeartbeatRow[] {
  return rows.map((r) => ({
    serverId: Number(r.server_id),
    ts: cellText(r.ts),
    ageSeconds: r.age_us === null || r.age_us === undefined ? null : Math.max(0, Number(r.age_us) / 1e6),
  }));
}

/**
 * Lag by heartbeat: the freshest row written by another server (the server's own row is ignored, so
 * master-master pairs measure each other). Null when there is no such row.
 */
export function heartbeatLag(rows: HeartbeatRow[], ownServerId: number | null): { lagSeconds: number; sourceServerId: number } | null {
  const others = rows.filter((r) => r.serverId !== ownServerId && r.ageSeconds !== null);
  if (!others.length) return null;
  const freshest = others.reduce((a, b) => ((b.ageSeconds as number) < (a.ageSeconds as number) ? b : a));
  return { lagSeconds: Math.round((freshest.ageSeconds as number) * 1000) / 1000, sourceServerId: freshest.serverId };
}

/** Schema names a user may pick for the heartbeat table: letters, digits, _ and $ (escaped anyway). */
export const HEARTBEAT_SCHEMA_RE = /^[A-Za-z0-9_$]{1,64}$/;
