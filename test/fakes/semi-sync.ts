// Semi-sync as a fake server of one family reports it: the installed plugin's variables and status counters, exact names.
import { atLeast, parseServerVersion } from "@/lib/domain/dialect";
import type { FakeScenario } from "./answer";
import { SEMISYNC_REPLICA_STATUS, SEMISYNC_REPLICA_VARIABLES, SEMISYNC_SOURCE_STATUS, SEMISYNC_SOURCE_VARIABLES } from "./columns";

/** What semi-sync is doing on the fake: per side, installed or not; enabled; active; counters for the source. */
export interface SemiSyncState {
  /** "new": the 8.0.26 source/replica plugins (MySQL ≥ 8.0.26 only); "old": master/slave (MariaDB always). */
  plugin?: "new" | "old";
  source?: { enabled: boolean; active: boolean; clients: number; yesTx: number; noTx: number; avgWaitMicros?: number };
  replica?: { enabled: boolean; active: boolean };
}

/** The scenario fields (semiSync variables, semiSyncStatus counters) a family with that plugin installed reports. */
export function semiSyncPlugins(version: string, st: SemiSyncState): Pick<FakeScenario, "semiSync" | "semiSyncStatus"> {
  const v = parseServerVersion(version)!;
  const newPlugin = (st.plugin ?? (v.flavor === "mysql" && atLeast(v, 8, 0, 26) ? "new" : "old")) === "new";
  if (newPlugin && (v.flavor === "mariadb" || !atLeast(v, 8, 0, 26))) throw new Error(`${version} has no rpl_semi_sync_source/replica plugins`);
  const [src, rep] = newPlugin ? (["source", "replica"] as const) : (["master", "slave"] as const);
  const onOff = (b: boolean) => (b ? "ON" : "OFF");
  const vars: Record<string, string> = {};
  const status: Record<string, string | number> = {};
  if (st.source || v.flavor === "mariadb") {
    const s = st.source ?? { enabled: false, active: false, clients: 0, yesTx: 0, noTx: 0 };
    for (const n of SEMISYNC_SOURCE_VARIABLES(src)) vars[n] = n.endsWith("_enabled") ? onOff(s.enabled) : n.endsWith("_timeout") ? "10000" : "1";
    for (const n of SEMISYNC_SOURCE_STATUS(src)) status[n] = 0;
    Object.assign(status, { [`Rpl_semi_sync_${src}_status`]: onOff(s.active), [`Rpl_semi_sync_${src}_clients`]: s.clients, [`Rpl_semi_sync_${src}_yes_tx`]: s.yesTx, [`Rpl_semi_sync_${src}_no_tx`]: s.noTx, [`Rpl_semi_sync_${src}_tx_avg_wait_time`]: s.avgWaitMicros ?? 0 });
  }
  if (st.replica || v.flavor === "mariadb") {
    const r = st.replica ?? { enabled: false, active: false };
    for (const n of SEMISYNC_REPLICA_VARIABLES(rep)) vars[n] = n.endsWith("_enabled") ? onOff(r.enabled) : "32";
    for (const n of SEMISYNC_REPLICA_STATUS(rep)) status[n] = onOff(r.active);
  }
  return { semiSync: vars, semiSyncStatus: status };
}
