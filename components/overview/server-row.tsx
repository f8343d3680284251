// One server in the overview: a row on wide screens, a card on phones (name, state and since when, lag, top problem).
import Link from "next/link";
import type { OverviewRow } from "@/lib/services/overview";
import { formatLag, HEALTH_LABELS, LAG_SOURCE_LABELS } from "@/lib/domain/format";
import { RelativeTime } from "../ui/relative-time";
import { Since } from "../ui/since";
import { StateBadge } from "../status/state-badge";
import { Sparkline } from "./sparkline";

/** The grid shared by the rows and their (wide-screen) column header. */
export const ROW_GRID = "md:grid-cols-[minmax(0,1.2fr)_minmax(0,0.9fr)_minmax(0,1.1fr)_5.5rem_minmax(0,2fr)]";

/** " · for 12 min" after a problem, when the API says since when it holds. */
export function ProblemSince({ iso }: { iso: string | null }) {
  return iso ? <span className="whitespace-nowrap text-xs text-slate-500 dark:text-slate-400"> · for <Since iso={iso} /></span> : null;
}

function ProblemItem({ p, extra, serverId }: { p: OverviewRow["problems"][number]; extra: boolean; serverId: string }) {
  const tone = p.severity === "critical" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300";
  return (
    <li data-problem={p.code} className={`${tone} ${extra ? "hidden md:list-item" : ""} break-words`}>
      <span className="font-mono text-xs font-semibold">{p.code}</span> {p.message}
      <ProblemSince iso={p.since} />
      <FailoverLink code={p.code} serverId={serverId} />
    </li>
  );
}

/** On a dead source's problem: the link to its failover page. */
export function FailoverLink({ code, serverId }: { code: string; serverId: string }) {
  if (code !== "DeadSource" && code !== "DeadSourceAndSomeReplicas") return null;
  return <Link href={`/servers/${serverId}/failover`} className="ml-2 font-semibold underline">Fail over…</Link>;
}

function LagCell({ s, series }: { s: OverviewRow; series: (number | null)[] | undefined }) {
  const replica = s.channels.length > 0;
  return (
    <div data-col="lag" className="min-w-0">
      {!replica && s.state !== "unreachable" && s.state !== "unknown" ? (
        <span className="text-slate-500 dark:text-slate-400">— not a replica</span>
      ) : (
        <span className={s.lagSeconds === null ? "text-slate-500 dark:text-slate-400" : ""}>{formatLag(s.lagSeconds, s.lagSource)}</span>
      )}
      {s.lagSource && <span className="ml-1 text-xs text-slate-500 md:ml-0 md:block dark:text-slate-400">{LAG_SOURCE_LABELS[s.lagSource]}</span>}
      {replica && <div><Sparkline series={series} /></div>}
      {replica && <div className="hidden break-words text-xs text-slate-500 md:block dark:text-slate-400">from {s.channels.map((c) => `${c.sourceHost}:${c.sourcePort}`).join(", ")}</div>}
      {s.channels.filter((c) => c.sqlDelay > 0).map((c) => <div key={c.name} data-col="delay" className="text-xs text-slate-500 dark:text-slate-400">delayed by design: {c.sqlDelay} s</div>)}
    </div>
  );
}

/** The row/card; `showCluster` when listed outside its cluster's group (problems-first view). */
export function ServerRow({ s, series, showCluster }: { s: OverviewRow; series: (number | null)[] | undefined; showCluster: boolean }) {
  return (
    <li data-server={s.name} data-state={s.state} className={`grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm md:rounded-none md:border-0 md:border-b md:bg-transparent md:px-0 md:py-2 dark:border-slate-800 dark:bg-slate-900 md:dark:bg-transparent ${ROW_GRID}`}>
      <div className="min-w-0">
        <Link href={`/servers/${s.id}`} className="break-words font-medium hover:underline">{s.name}</Link>
        <div className="break-all font-mono text-xs text-slate-500 dark:text-slate-400">{s.host}:{s.port}{showCluster && s.cluster ? ` · ${s.cluster}` : ""}</div>
      </div>
      <div data-col="state" className="text-right md:text-left">
        <StateBadge state={s.state} />
        {s.stateSince && <div className="mt-1 whitespace-nowrap text-xs text-slate-500 dark:text-slate-400"><Since what={HEALTH_LABELS[s.state]} iso={s.stateSince} /></div>}
      </div>
      <div className="col-span-2 md:col-span-1"><LagCell s={s} series={series} /></div>
      <div data-col="checked" className="col-span-2 text-xs text-slate-500 md:col-span-1 dark:text-slate-400">
        <span className="md:hidden">checked </span>{s.checkedAt ? <RelativeTime iso={s.checkedAt} /> : "never"}
        {s.stale && <span className="ml-1 font-semibold text-amber-800 md:ml-0 md:block dark:text-amber-400">stale</span>}
      </div>
      <ul data-col="problems" className="col-span-2 space-y-1 md:col-span-1">
        {s.problems.map((p, i) => <ProblemItem key={i} p={p} extra={i > 0} serverId={s.id} />)}
        {s.problems.length > 1 && <li className="text-xs text-slate-500 md:hidden dark:text-slate-400">+{s.problems.length - 1} more on the server page</li>}
        {s.problems.length === 0 && <li className="text-slate-500 dark:text-slate-400">{s.state === "ok" ? "no problems" : HEALTH_LABELS[s.state]}</li>}
      </ul>
    </li>
  );
}
