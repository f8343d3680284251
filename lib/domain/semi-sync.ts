// Semi-synchronous replication state from the plugin's variables and status counters, under any plugin's names (pure).
import { cellText } from "./cell-text";
import { SEMI_SYNC_STATUS, SEMI_SYNC_VARIABLES } from "./dialect/semi-sync";

/** What a server says about semi-sync; null where the plugin is absent or the value does not apply. */
export interface SemiSync {
  /** Semi-sync is switched on for this server as a source. */
  sourceEnabled: boolean | null;
  /** Commits on this source wait for an acknowledgement now (false while enabled: it fell back to async). */
  sourceActive: boolean | null;
  /** Semi-sync is switched on for this server as a replica. */
  replicaEnabled: boolean | null;
  /** This replica's receiver acknowledges to its source now. */
  replicaActive: boolean | null;
  /** Semi-sync replicas connected to this source now. */
  clients: number | null;
  /** Commits not acknowledged (counter since the server started). */
  noTx: number | null;
  /** Commits acknowledged (counter since the server started). */
  yesTx: number | null;
  /** Average wait of a commit for its acknowledgement, in microseconds. */
  txAvgWaitMicros: number | null;
}

/** Semi-sync of a server replscope knows nothing about (not read, or no plugin). */
export const NO_SEMI_SYNC: SemiSync = { sourceEnabled: null, sourceActive: null, replicaEnabled: null, replicaActive: null, clients: null, noTx: null, yesTx: null, txAvgWaitMicros: null };

type Row = Record<string, unknown>;
type Names = readonly [string, string];
const on = (v: unknown) => v === 1 || v === true || /^(1|on|yes)$/i.test(cellText(v));

/** SHOW VARIABLES / SHOW STATUS rows → value by lower-case name. */
const byName = (rows: Row[]) => new Map(rows.map((r) => [String(r.Variable_name ?? r.variable_name).toLowerCase(), r.Value ?? r.value]));

/** The value under the new (8.0.26 plugin) or the old name, whichever the server has; undefined when neither. */
const pick = (m: Map<string, unknown>, [n, o]: Names): unknown => (m.has(n) ? m.get(n) : m.get(o));
const flag = (m: Map<string, unknown>, names: Names) => (pick(m, names) === undefined ? null : on(pick(m, names)));
function count(m: Map<string, unknown>, names: Names): number | null {
  const x = pick(m, names);
  return x === undefined || x === null || x === "" || !Number.isFinite(Number(x)) ? null : Number(x);
}

/** True when either side of semi-sync is enabled: only then are its status counters worth a query. */
export function semiSyncEnabled(variableRows: Row[]): boolean {
  const v = byName(variableRows);
  return flag(v, SEMI_SYNC_VARIABLES.sourceEnabled) === true || flag(v, SEMI_SYNC_VARIABLES.replicaEnabled) === true;
}

/** Normalises the semi-sync variables and (when read) status counters; a side without its plugin stays null. */
export function normaliseSemiSync(variableRows: Row[], statusRows: Row[] = []): SemiSync {
  const v = byName(variableRows);
  const s = byName(statusRows);
  const sourceEnabled = flag(v, SEMI_SYNC_VARIABLES.sourceEnabled);
  const replicaEnabled = flag(v, SEMI_SYNC_VARIABLES.replicaEnabled);
  // Not enabled means not active; enabled with the counters unread stays unknown.
  const active = (enabled: boolean | null, names: Names) => (enabled === null ? null : enabled ? flag(s, names) : false);
  const sourceCount = (names: Names) => (sourceEnabled ? count(s, names) : null);
  return {
    sourceEnabled,
    sourceActive: active(sourceEnabled, SEMI_SYNC_STATUS.sourceActive),
    replicaEnabled,
    replicaActive: active(replicaEnabled, SEMI_SYNC_STATUS.replicaActive),
    clients: sourceCount(SEMI_SYNC_STATUS.clients),
    noTx: sourceCount(SEMI_SYNC_STATUS.noTx),
    yesTx: sourceCount(SEMI_SYNC_STATUS.yesTx),
    txAvgWaitMicros: sourceCount(SEMI_SYNC_STATUS.txAvgWaitMicros),
  };
}

/** Reads an older stored snapshot's `{ source, replica }` (enabled flags only) as the full shape. */
export function upgradeStoredSemiSync(x: unknown): unknown {
  const o = x as { source?: unknown; replica?: unknown; sourceEnabled?: unknown } | null;
  if (!o || typeof o !== "object" || "sourceEnabled" in o) return x;
  const b = (y: unknown) => (typeof y === "boolean" ? y : null);
  return { ...NO_SEMI_SYNC, sourceEnabled: b(o.source), replicaEnabled: b(o.replica) };
}
