"use client";
// Every normalised field of one server, grouped (threads, lag, positions, GTID, errors, configuration), live.
import type { ServerStatusResponse } from "@/lib/services/status";
import { formatLag, HEALTH_LABELS, LAG_SOURCE_LABELS } from "@/lib/domain/format";
import { RelativeTime } from "../ui/relative-time";
import { Since } from "../ui/since";
import { StateBadge } from "./state-badge";
import { useServerStatus } from "@/lib/swr/use-status";
import { FailoverLink, ProblemSince } from "../overview/server-row";
import type { SemiSync } from "@/lib/domain/semi-sync";
import { GaleraMembers, GroupMembers } from "./cluster-members";

type Pairs = [string, string | number | null | undefined][];

function Group({ title, rows }: { title: string; rows: Pairs }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">{title}</h3>
      <dl className="grid grid-cols-1 gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[11rem_minmax(0,1fr)] [&_dd]:mb-1 [&_dd]:break-words sm:[&_dd]:mb-0">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all font-mono text-xs leading-5">{v === null || v === undefined || v === "" ? "—" : String(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? "—" : b ? "ON" : "OFF");

/** Semi-sync as a source (enabled, active, replicas acknowledging, commits acknowledged or not) and as a replica. */
function SemiSyncGroup({ s }: { s: SemiSync }) {
  const state = (enabled: boolean | null, active: boolean | null) => (enabled === null ? "no plugin" : !enabled ? "off" : active === null ? "on" : active ? "on, active" : "on, NOT active (async)");
  return (
    <div data-testid="semi-sync">
      <Group title="Semi-sync" rows={[["as source", state(s.sourceEnabled, s.sourceActive)], ["semi-sync replicas", s.clients], ["commits acked / not", s.yesTx === null ? null : `${s.yesTx} / ${s.noTx ?? "—"}`], ["avg commit wait", s.txAvgWaitMicros === null ? null : `${s.txAvgWaitMicros} µs`], ["as replica", state(s.replicaEnabled, s.replicaActive)]]} />
    </div>
  );
}

/** The live status section of the server page. */
export function ServerStatusPanel({ serverId, initial }: { serverId: string; initial: ServerStatusResponse }) {
  const { data } = useServerStatus(serverId, initial);
  const { report, status, heartbeatError, galeraMembers } = data ?? initial;
  const f = status?.facts;
  const stateSince = report.stateSince;
  return (
    <section aria-label="Replication status" className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-3">
        <StateBadge state={report.state} />
        {stateSince && <span className="text-sm" data-testid="state-since"><Since what={HEALTH_LABELS[report.state]} iso={stateSince} /></span>}
        <span className="text-sm" data-testid="server-lag">
          {status?.facts && status.channels.length === 0 ? "not a replica" : `lag ${formatLag(report.lagSeconds, report.lagSource)}${report.lagSource ? ` (${LAG_SOURCE_LABELS[report.lagSource]})` : ""}`}
        </span>
        <span className="text-xs text-slate-500">checked {report.checkedAt ? <RelativeTime iso={report.checkedAt} /> : "never"}{report.stale ? " · stale" : ""}</span>
      </div>
      {report.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{report.error}</p>}
      {heartbeatError && <p className="text-sm text-amber-800 dark:text-amber-300">{heartbeatError}</p>}
      {report.problems.length > 0 && (
        <ul aria-label="Problems" className="space-y-1 text-sm">
          {report.problems.map((p, i) => <li key={i} data-problem={p.code}><span className="font-mono text-xs font-semibold">{p.code}</span> {p.message}<ProblemSince iso={p.since} /><FailoverLink code={p.code} serverId={report.id} /></li>)}
        </ul>
      )}
      {status?.channels.map((c) => (
        <div key={c.channel} data-channel={c.channel} className="grid gap-4 border-t border-slate-100 pt-3 md:grid-cols-2 dark:border-slate-800">
          <Group title={`Channel ${c.channel || "(default)"} — threads`} rows={[["State", c.state], ["Source", `${c.sourceHost}:${c.sourcePort}`], ["Source server_id", c.sourceServerId], ["IO thread", c.ioThread], ["IO state", c.ioState], ["SQL thread", c.sqlThread], ["Applier state", c.applierState], ["Filters", c.filters.join("; ")]]} />
          <Group title="Lag" rows={[["Lag", formatLag(c.lagSeconds, c.lagSource)], ["Lag source", c.lagSource ? LAG_SOURCE_LABELS[c.lagSource] : "unknown"], ["Seconds_Behind", c.secondsBehind ?? "NULL"], ["Configured delay", `${c.sqlDelay} s`], ["Remaining delay", c.sqlRemainingDelay]]} />
          <Group title="Positions" rows={[["Source log (read)", `${c.sourceLogFile}:${c.readSourceLogPos ?? "—"}`], ["Source log (executed)", `${c.relaySourceLogFile}:${c.execSourceLogPos ?? "—"}`], ["Relay log", `${c.relayLogFile}:${c.relayLogPos ?? "—"}`]]} />
          <Group title="GTID" rows={[["Mode", c.gtidMode], ["Retrieved", c.retrievedGtidSet], ["Executed", c.executedGtidSet], ["IO pos", c.gtidIoPos], ["Slave pos", c.gtidSlavePos]]} />
          <Group title="Errors" rows={[["Last IO error", c.lastIoErrno ? `${c.lastIoErrno}: ${c.lastIoError}` : "none"], ["IO error at", c.lastIoErrorAt], ["Last SQL error", c.lastSqlErrno ? `${c.lastSqlErrno}: ${c.lastSqlError}` : "none"], ["SQL error at", c.lastSqlErrorAt]]} />
        </div>
      ))}
      {status && status.channels.length === 0 && <p className="text-sm text-slate-500">This server replicates from no source.</p>}
      <GaleraMembers rows={galeraMembers ?? []} clusterName={report.galera.clusterName} />
      <GroupMembers group={report.group} />
      {f && (
        <div className="grid gap-4 border-t border-slate-100 pt-3 md:grid-cols-2 dark:border-slate-800">
          <Group title="Configuration" rows={[["server_id", f.serverId], ["server_uuid", f.serverUuid], ["read_only", yesNo(f.readOnly)], ["super_read_only", yesNo(f.superReadOnly)], ["log_bin", yesNo(f.logBin)], ["binlog_format", f.binlogFormat], ["log_replica_updates", yesNo(f.logReplicaUpdates)], ["parallel workers", f.parallelWorkers], ["auto_increment inc/offset", `${f.autoIncrementIncrement} / ${f.autoIncrementOffset}`]]} />
          <SemiSyncGroup s={f.semiSync} />
          <Group title="Binary log (as a source)" rows={[["GTID mode", f.gtidMode], ["GTID executed", f.gtidExecuted], ["Current binlog", status?.source ? `${status.source.file}:${status.source.position}` : "binary log off"]]} />
        </div>
      )}
    </section>
  );
}
