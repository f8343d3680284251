// GTID set arithmetic for both families: MySQL uuid:interval sets and MariaDB domain-server-seq positions.

/** A MySQL GTID set: source uuid → sorted, merged [from, to] intervals. */
export type GtidSet = Map<string, [number, number][]>;

/** Parses "uuid:1-5:7,uuid2:3" (tags as in 8.4 "uuid:tag:1-3" are kept as part of the key). */
export function parseGtidSet(text: string): GtidSet {
  const set: GtidSet = new Map();
  for (const part of text.replace(/\s+/g, "").split(",").filter(Boolean)) {
    const [uuid, ...rest] = part.toLowerCase().split(":");
    let key = uuid;
    for (const r of rest) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(r);
      if (!m) {
        key = `${uuid}:${r}`;
        continue;
      }
      const list = set.get(key) ?? [];
      list.push([Number(m[1]), Number(m[2] ?? m[1])]);
      set.set(key, list);
    }
  }
  for (const [k, list] of set) set.set(k, merge(list));
  return set;
}

function merge(list: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...list].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The GTIDs of `a` that `b` lacks, as text ("" when a ⊆ b). */
export function gtidSubtract(a: string, b: string): string {
  const bs = parseGtidSet(b);
  const parts: string[] = [];
  for (const [key, list] of parseGtidSet(a)) {
    const missing: string[] = [];
    for (const [from, to] of list) {
      let cursor = from;
      for (const [x, y] of bs.get(key) ?? []) {
        if (y < cursor || x > to) continue;
        if (x > cursor) missing.push(range(cursor, x - 1));
        cursor = Math.max(cursor, y + 1);
      }
      if (cursor <= to) missing.push(range(cursor, to));
    }
    if (missing.length) parts.push(`${key}:${missing.join(":")}`);
  }
  return parts.join(",");
}

const range = (a: number, b: number) => (a === b ? String(a) : `${a}-${b}`);

/** The first GTID of `a` missing from `b` for one source uuid (the transaction an applier is stuck on), or null. */
export function firstMissing(a: string, b: string, uuid: string): string | null {
  const diff = parseGtidSet(gtidSubtract(a, b)).get(uuid.toLowerCase());
  return diff?.length ? `${uuid.toLowerCase()}:${diff[0][0]}` : null;
}

/** A MariaDB GTID position: domain id → [server id, sequence]. */
export function parseMariaPos(text: string): Map<number, { serverId: number; seq: number }> {
  const pos = new Map<number, { serverId: number; seq: number }>();
  for (const g of text.replace(/\s+/g, "").split(",").filter(Boolean)) {
    const m = /^(\d+)-(\d+)-(\d+)$/.exec(g);
    if (m) pos.set(Number(m[1]), { serverId: Number(m[2]), seq: Number(m[3]) });
  }
  return pos;
}

/** MariaDB: the domains where `a` is ahead of `b` (b has applied less, or lacks the domain), as "domain-server-seq". */
export function mariaAhead(a: string, b: string): string[] {
  const bp = parseMariaPos(b);
  return [...parseMariaPos(a)].filter(([d, g]) => (bp.get(d)?.seq ?? -1) < g.seq).map(([d, g]) => `${d}-${g.serverId}-${g.seq}`);
}

/** True when the position text is a MariaDB GTID position (domain-server-seq), not a MySQL set. */
export const isMariaPos = (text: string) => /^\s*\d+-\d+-\d+/.test(text);

/** The GTIDs on `candidate` that `source` lacks (errant transactions), in either family's notation. */
export function errantTransactions(candidate: string, source: string): string {
  if (!candidate.trim()) return "";
  return isMariaPos(candidate) ? mariaAhead(candidate, source).join(",") : gtidSubtract(candidate, source);
}
