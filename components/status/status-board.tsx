"use client";
// The on-call overview: counts per state, then every server worst first with lag, freshness and problems.
import Link from "next/link";
import type { ServerReport, StatusResponse } from "@/lib/services/status";
import { HEALTH_ORDER } from "@/lib/domain/health";
import { formatLag, HEALTH_LABELS, LAG_SOURCE_LABELS } from "@/lib/domain/format";
import { RelativeTime } from "../ui/relative-time";
import { Since } from "../ui/since";
import { StateBadge } from "./state-badge";
import { useStatus } from "@/lib/swr/use-status";

/** Live overview; refreshes every 2 s and says so when the refresh fails. */
export function StatusBoard({ initial }: { initial: StatusResponse }) {
  const { data, error } = useStatus(initial);
  const servers = data?.servers ?? [];
  const counts = HEALTH_ORDER.map((s) => [s, servers.filter((x) => x.state === s).length] as const).filter(([, n]) => n > 0);
  return (
    <div>
      {error && <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">Live refresh failed ({String(error.message)}); showing the last data received.</p>}
      <ul aria-label="Servers by state" className="mb-6 flex flex-wrap gap-3">
        {counts.map(([state, n]) => (
          <li key={state} data-count={state} className="flex items-center gap-2 rounded-md border border-slate-200 px-4 py-2 dark:border-slate-800">
            <span className="text-2xl font-semibold">{n}</span> <StateBadge state={state} />
          </li>
        ))}
      </ul>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
          <tr><th className="py-2 pr-3">Server</th><th className="py-2 pr-3">State</th><th className="py-2 pr-3">Lag</th><th className="py-2 pr-3">Checked</th><th className="py-2">Problems</th></tr>
        </thead>
        <tbody>
          {servers.map((s) => <ServerRow key={s.id} s={s} />)}
        </tbody>
      </table>
    </div>
  );
}

/** " · for 12 min" after a problem, when the API says since when it holds. */
export function ProblemSince({ iso }: { iso: string | null }) {
  return iso ? <span className="whitespace-nowrap text-xs text-slate-500"> · for <Since iso={iso} /></span> : null;
}

function ServerRow({ s }: { s: ServerReport }) {
  const stateSince = s.stateSince;
  return (
    <tr data-server={s.name} data-state={s.state} className="border-b border-slate-100 align-top dark:border-slate-800/60">
      <td className="py-2 pr-3">
        <Link href={`/servers/${s.id}`} className="font-medium hover:underline">{s.name}</Link>
        <div className="font-mono text-xs text-slate-500">{s.host}:{s.port}</div>
      </td>
      <td className="py-2 pr-3" data-col="state">
        <StateBadge state={s.state} />
        {stateSince && <div className="mt-1 whitespace-nowrap text-xs text-slate-500"><Since what={HEALTH_LABELS[s.state]} iso={stateSince} /></div>}
      </td>
      <td className="py-2 pr-3" data-col="lag">
        {s.channels.length === 0 && s.state !== "unreachable" && s.state !== "unknown" ? (
          <span className="text-slate-500">— not a replica</span>
        ) : (
          <span className={s.lagSeconds === null ? "text-slate-500" : ""}>{formatLag(s.lagSeconds, s.lagSource)}</span>
        )}
        {s.lagSource && <div className="text-xs text-slate-500">{LAG_SOURCE_LABELS[s.lagSource]}</div>}
        {s.channels.length > 0 && <div className="text-xs text-slate-500">from {s.channels.map((c) => `${c.sourceHost}:${c.sourcePort}`).join(", ")}</div>}
        {s.channels.filter((c) => c.sqlDelay > 0).map((c) => <div key={c.name} data-col="delay" className="text-xs text-slate-500">delayed by design: {c.sqlDelay} s</div>)}
      </td>
      <td className="py-2 pr-3 text-xs" data-col="checked">
        {s.checkedAt ? <RelativeTime iso={s.checkedAt} /> : "never"}
        {s.stale && <div className="font-semibold text-amber-700 dark:text-amber-400">stale</div>}
      </td>
      <td className="py-2" data-col="problems">
        <ul className="space-y-1">
          {s.problems.map((p, i) => (
            <li key={i} data-problem={p.code} className={p.severity === "critical" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300"}>
              <span className="font-mono text-xs font-semibold">{p.code}</span> {p.message}
              <ProblemSince iso={p.since} />
              <FailoverLink code={p.code} serverId={s.id} />
            </li>
          ))}
          {s.problems.length === 0 && <li className="text-slate-500">{s.state === "ok" ? "none" : HEALTH_LABELS[s.state]}</li>}
        </ul>
      </td>
    </tr>
  );
}

/** On a dead source's problem: the link to its failover page. */
export function FailoverLink({ code, serverId }: { code: string; serverId: string }) {
  if (code !== "DeadSource" && code !== "DeadSourceAndSomeReplicas") return null;
  return <Link href={`/servers/${serverId}/failover`} className="ml-2 font-semibold underline">Fail over…</Link>;
}
