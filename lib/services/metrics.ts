// Prometheus metrics (prom-client) from the last sweep: lag and its thresholds, threads, state, semi-sync, check and sweep times.
import "server-only";
import { Gauge, Registry } from "prom-client";
import type { ServerRecord } from "@/lib/data/servers";
import { HEALTH_ORDER, thresholdsFor } from "@/lib/domain/health";
import type { SemiSync } from "@/lib/domain/semi-sync";
import type { ServerStatus } from "@/lib/domain/server-status";
import { staleAfterSeconds } from "./status";

/** Semi-sync gauges per server (absent where the plugin is absent or the value does not apply). */
function semiSyncGauges(registry: Registry) {
  const gauge = (name: string, help: string) => new Gauge({ name: `replscope_semisync_${name}`, help, labelNames: ["server", "host"], registers: [registry], collect });
  return {
    semi: {
      sourceEnabled: gauge("source_enabled", "1 when semi-sync is enabled on this server as a source"),
      sourceActive: gauge("source_active", "1 when commits on this source wait for a semi-sync acknowledgement; 0 while enabled means it fell back to async"),
      replicaEnabled: gauge("replica_enabled", "1 when semi-sync is enabled on this server as a replica"),
      replicaActive: gauge("replica_active", "1 when this replica acknowledges its source semi-synchronously"),
      clients: gauge("source_clients", "Semi-sync replicas connected to this source"),
      yesTx: gauge("source_yes_tx", "Commits acknowledged by a semi-sync replica (the server's counter since it started)"),
      noTx: gauge("source_no_tx", "Commits not acknowledged by a semi-sync replica (the server's counter since it started)"),
      avgWait: gauge("source_tx_avg_wait_seconds", "Average time a commit waited for its acknowledgement"),
    },
  };
}

function recordSemiSync(m: ReturnType<typeof create>, l: { server: string; host: string }, s: SemiSync) {
  const set = (x: Gauge, v: boolean | number | null) => v !== null && x.set(l, Number(v));
  set(m.semi.sourceEnabled, s.sourceEnabled);
  set(m.semi.sourceActive, s.sourceActive);
  set(m.semi.replicaEnabled, s.replicaEnabled);
  set(m.semi.replicaActive, s.replicaActive);
  set(m.semi.clients, s.clients);
  set(m.semi.yesTx, s.yesTx);
  set(m.semi.noTx, s.noTx);
  set(m.semi.avgWait, s.txAvgWaitMicros === null ? null : s.txAvgWaitMicros / 1e6);
}


type SweepResults = { record: ServerRecord; status: ServerStatus }[];
const g = globalThis as unknown as { replscopeMetrics?: ReturnType<typeof create>; replscopeMetricsPending?: SweepResults | null };

/** Per-server series are built when scraped, from the latest sweep (labelling 10,000 servers every 2 s cost the sweep ~0.5 s). */
function collect() {
  const results = g.replscopeMetricsPending;
  if (!results) return;
  g.replscopeMetricsPending = null;
  applyServerSeries(results);
}

const galeraLabels = ["server", "host", "cluster"] as const;
const groupLabels = ["server", "host", "member"] as const;

/** Per-member Galera and Group Replication gauges (absent for servers that are not members). */
function clusterGauges(registry: Registry) {
  const gauge = (name: string, help: string, labelNames: readonly string[]) => new Gauge({ name, help, labelNames: [...labelNames], registers: [registry], collect });
  return {
    galeraSize: gauge("replscope_galera_cluster_size", "wsrep_cluster_size: members in this Galera node's component", galeraLabels),
    galeraPrimary: gauge("replscope_galera_primary", "1 when this Galera node is in the primary component (wsrep_cluster_status=Primary)", galeraLabels),
    galeraReady: gauge("replscope_galera_ready", "1 when wsrep_ready is ON (the node accepts queries)", galeraLabels),
    galeraConnected: gauge("replscope_galera_connected", "1 when wsrep_connected is ON", galeraLabels),
    galeraSynced: gauge("replscope_galera_synced", "1 when wsrep_local_state_comment is Synced", galeraLabels),
    galeraDesync: gauge("replscope_galera_desync", "1 when wsrep_desync is ON (desynced on purpose)", galeraLabels),
    galeraFlowControl: gauge("replscope_galera_flow_control_paused", "wsrep_flow_control_paused: fraction of time paused by flow control", galeraLabels),
    galeraRecvQueue: gauge("replscope_galera_local_recv_queue_avg", "wsrep_local_recv_queue_avg", galeraLabels),
    groupOnline: gauge("replscope_group_member_online", "1 when the group member is ONLINE, as the reporting server sees it", [...groupLabels, "state"]),
    groupPrimary: gauge("replscope_group_member_primary", "1 when the group member is the PRIMARY", groupLabels),
    groupApplierQueue: gauge("replscope_group_member_applier_queue", "COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE of the member", groupLabels),
  };
}

/** Galera and Group Replication series of one server (only while it is reachable and a member). */
function recordClusterMetrics(m: ReturnType<typeof create>, server: string, host: string, s: ServerStatus) {
  const g = s.galera;
  if (g) {
    const l = { server, host, cluster: g.clusterName ?? "" };
    m.galeraSize.set(l, g.clusterSize);
    m.galeraPrimary.set(l, g.primary ? 1 : 0);
    m.galeraReady.set(l, g.ready ? 1 : 0);
    m.galeraConnected.set(l, g.connected ? 1 : 0);
    m.galeraSynced.set(l, g.localState === "Synced" ? 1 : 0);
    m.galeraDesync.set(l, g.desync ? 1 : 0);
    m.galeraFlowControl.set(l, g.flowControlPaused);
    m.galeraRecvQueue.set(l, g.recvQueueAvg);
  }
  for (const mem of s.group?.members ?? []) {
    const l = { server, host, member: `${mem.host}:${mem.port}` };
    m.groupOnline.set({ ...l, state: mem.state }, mem.state === "ONLINE" ? 1 : 0);
    m.groupPrimary.set(l, mem.role === "PRIMARY" ? 1 : 0);
    if (mem.applierQueue !== null) m.groupApplierQueue.set(l, mem.applierQueue);
  }
}

function create() {
  const registry = new Registry();
  const labels = ["server", "host", "channel"] as const;
  return {
    registry,
    lag: new Gauge({ name: "replscope_replica_lag_seconds", help: "Replication lag per channel (absent when unknown)", labelNames: [...labels, "source"], registers: [registry], collect }),
    io: new Gauge({ name: "replscope_replica_io_running", help: "1 when the receiver (IO) thread runs, 0.5 connecting, 0 stopped", labelNames: labels, registers: [registry], collect }),
    sql: new Gauge({ name: "replscope_replica_sql_running", help: "1 when the applier (SQL) thread runs", labelNames: labels, registers: [registry], collect }),
    state: new Gauge({ name: "replscope_server_state", help: "1 for the server's current health state", labelNames: ["server", "host", "state"], registers: [registry], collect }),
    checked: new Gauge({ name: "replscope_server_last_check_timestamp_seconds", help: "When the server was last checked", labelNames: ["server", "host"], registers: [registry], collect }),
    lagWarn: new Gauge({ name: "replscope_replica_lag_warning_seconds", help: "Lag at which replscope calls the channel lagging: the server's warning threshold plus the channel's configured delay", labelNames: labels, registers: [registry], collect }),
    lagCrit: new Gauge({ name: "replscope_replica_lag_critical_seconds", help: "Lag at which replscope calls the channel critical: the server's critical threshold plus the channel's configured delay", labelNames: labels, registers: [registry], collect }),
    staleAfter: new Gauge({ name: "replscope_check_stale_after_seconds", help: "Age at which replscope shows a server's last check as stale (three poll intervals plus the connect timeout); 0 when this process does not poll", registers: [registry] }),
    lastSweep: new Gauge({ name: "replscope_last_sweep_timestamp_seconds", help: "When the last sweep of all servers finished", registers: [registry] }),
    sweep: new Gauge({ name: "replscope_sweep_duration_seconds", help: "Wall time of the last sweep of all servers", registers: [registry] }),
    servers: new Gauge({ name: "replscope_servers", help: "Registered servers", registers: [registry] }),
    ...semiSyncGauges(registry),
    ...clusterGauges(registry),
  };
}

/** The metrics registry (one per process). */
export function metrics() {
  g.replscopeMetrics ??= create();
  return g.replscopeMetrics;
}

/** Marks this process as polling: publishes the staleness limit that the stall and staleness alerts compare with. */
export function recordPollerStart() {
  metrics().staleAfter.set(staleAfterSeconds());
}

/** Records the sweep: its timings now, the per-server series (removed servers disappear) at the next scrape. */
export function recordSweepMetrics(results: SweepResults, sweep: { startedAt: number; durationMs: number; servers: number }) {
  const m = metrics();
  g.replscopeMetricsPending = results;
  m.staleAfter.set(staleAfterSeconds());
  m.lastSweep.set((sweep.startedAt + sweep.durationMs) / 1000);
  m.sweep.set(sweep.durationMs / 1000);
  m.servers.set(sweep.servers);
}

/** Replaces every per-server series with these results. */
function applyServerSeries(results: SweepResults) {
  const m = metrics();
  [m.lag, m.io, m.sql, m.lagWarn, m.lagCrit, m.state, m.checked, ...Object.values(m.semi)].forEach((x) => x.reset());
  [m.galeraSize, m.galeraPrimary, m.galeraReady, m.galeraConnected, m.galeraSynced, m.galeraDesync, m.galeraFlowControl, m.galeraRecvQueue, m.groupOnline, m.groupPrimary, m.groupApplierQueue].forEach((x) => x.reset());
  for (const { record: r, status: s } of results) {
    const host = `${r.host}:${r.port}`;
    const t = thresholdsFor(r.lagWarnSeconds, r.lagCritSeconds);
    for (const st of HEALTH_ORDER) m.state.set({ server: r.name, host, state: st }, st === s.state ? 1 : 0);
    m.checked.set({ server: r.name, host }, s.checkedAt);
    if (s.state === "unreachable") continue;
    if (s.facts) recordSemiSync(m, { server: r.name, host }, s.facts.semiSync);
    recordClusterMetrics(m, r.name, host, s);
    for (const c of s.channels) {
      const l = { server: r.name, host, channel: c.channel };
      if (c.lagSeconds !== null) m.lag.set({ ...l, source: c.lagSource ?? "unknown" }, c.lagSeconds);
      m.io.set(l, c.ioThread === "running" ? 1 : c.ioThread === "connecting" ? 0.5 : 0);
      m.sql.set(l, c.sqlThread === "running" ? 1 : 0);
      m.lagWarn.set(l, t.warn + c.sqlDelay);
      m.lagCrit.set(l, t.crit + c.sqlDelay);
    }
  }
}
