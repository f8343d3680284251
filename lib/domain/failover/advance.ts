// How advanced a replica is: the GTIDs (or coordinates) it executed and retrieved from the dead source (pure).
import { gtidEnabled, gtidIsPosition } from "../dialect";
import { gtidSubtract, isMariaPos, mariaAhead, parseGtidSet, parseMariaPos } from "../operations/gtid";
import type { NodeView } from "../operations/types";
import type { ChannelStatus } from "../replica-status";

/** The union of two GTID texts of one family (MariaDB: the furthest sequence per domain). */
export function gtidUnion(a: string, b: string): string {
  if (!a.trim()) return b;
  if (!b.trim()) return a;
  if (isMariaPos(a) || isMariaPos(b)) {
    const pos = parseMariaPos(a);
    for (const [d, g] of parseMariaPos(b)) if ((pos.get(d)?.seq ?? -1) < g.seq) pos.set(d, g);
    return [...pos].sort((x, y) => x[0] - y[0]).map(([d, g]) => `${d}-${g.serverId}-${g.seq}`).join(",");
  }
  const extra = gtidSubtract(b, a);
  return extra ? normalise(`${a},${extra}`) : a;
}

const normalise = (text: string) => [...parseGtidSet(text)].map(([k, l]) => `${k}:${l.map(([x, y]) => (x === y ? x : `${x}-${y}`)).join(":")}`).join(",");

/** A size to order replicas by (MySQL: transactions in the set; MariaDB: sum of the sequences per domain). */
export function gtidWeight(text: string): number {
  if (isMariaPos(text)) return [...parseMariaPos(text).values()].reduce((n, g) => n + g.seq, 0);
  return [...parseGtidSet(text).values()].flat().reduce((n, [x, y]) => n + y - x + 1, 0);
}

/** True when `a` holds every GTID of `b` (MariaDB: every domain at least as far). */
export const gtidContains = (a: string, b: string) => (isMariaPos(b) || isMariaPos(a) ? mariaAhead(b, a).length === 0 : !gtidSubtract(b, a));

/** What a replica executed and retrieved from its source; coordinates ("file:pos") when it does not use GTID. */
export interface Advancement {
  gtid: boolean;
  executed: string;
  retrieved: string;
}

/** True when the channel positions by GTID (MariaDB Using_Gtid, MySQL auto-position with gtid_mode ON). */
export function usesGtid(n: NodeView, ch: ChannelStatus): boolean {
  return ch.usingGtid && gtidEnabled(n.version, n.facts.gtidMode);
}

/** The replica's executed and retrieved position on `ch`. */
export function advancementOf(n: NodeView, ch: ChannelStatus): Advancement {
  if (!usesGtid(n, ch)) return { gtid: false, executed: `${ch.relaySourceLogFile}:${ch.execSourceLogPos ?? 0}`, retrieved: `${ch.sourceLogFile}:${ch.readSourceLogPos ?? 0}` };
  if (gtidIsPosition(n.version)) {
    const executed = ch.gtidSlavePos || n.facts.gtidExecuted;
    return { gtid: true, executed, retrieved: gtidUnion(executed, ch.gtidIoPos) };
  }
  return { gtid: true, executed: n.facts.gtidExecuted, retrieved: gtidUnion(n.facts.gtidExecuted, ch.retrievedGtidSet) };
}

/** Orders coordinates "file:pos" (same binlog name scheme). */
export function compareCoords(a: string, b: string): number {
  const [fa, pa] = [a.slice(0, a.lastIndexOf(":")), Number(a.slice(a.lastIndexOf(":") + 1))];
  const [fb, pb] = [b.slice(0, b.lastIndexOf(":")), Number(b.slice(b.lastIndexOf(":") + 1))];
  return fa === fb ? pa - pb : fa < fb ? -1 : 1;
}

/** Orders two advancements: positive when `a` retrieved more than `b`. */
export function compareAdvancement(a: Advancement, b: Advancement): number {
  if (a.gtid && b.gtid) return gtidWeight(a.retrieved) - gtidWeight(b.retrieved);
  return compareCoords(a.retrieved, b.retrieved);
}
