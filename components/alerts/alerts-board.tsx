"use client";
// The /alerts lists, live: firing (worst first), pending, silenced (marked), recently resolved, each with its duration.
import Link from "next/link";
import { useState, useTransition } from "react";
import { ackAlertAction } from "@/lib/actions/alerts";
import { alertSections, type AlertView } from "@/lib/domain/alert-view";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { Since } from "../ui/since";
import { type AlertsResponse, useAlerts } from "@/lib/swr/use-alerts";

/** The problem codes whose alert links to the failover page. */
const DEAD_SOURCE = new Set(["DeadSource", "DeadSourceAndSomeReplicas"]);
const SEVERITY_CLASS = { critical: "bg-red-600 text-white", warning: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" } as const;

/** Acknowledges one alert and refreshes the lists. */
function AckButton({ alert, onDone }: { alert: AlertView; onDone: () => void }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      <Button type="button" variant="secondary" disabled={pending} aria-label={`Acknowledge ${alert.code} on ${alert.serverName}`} onClick={() => start(async () => {
        const r = await ackAlertAction(alert.id);
        setError(r.error ?? null);
        onDone();
      })}>Acknowledge</Button>
      {error && <span role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}

function Row({ a, canAck, onChange }: { a: AlertView; canAck: boolean; onChange: () => void }) {
  return (
    <tr data-alert={a.id} data-server={a.serverName} data-code={a.code} data-state={a.state} data-silenced={a.silenced || undefined} className="border-b border-slate-100 align-top dark:border-slate-800/60">
      <td className="py-2 pr-3">
        <Link href={`/servers/${a.serverId}`} className="font-medium hover:underline">{a.serverName}</Link>
        {a.cluster && <div className="text-xs text-slate-500">{a.cluster}</div>}
      </td>
      <td className="py-2 pr-3">
        <span className={`mr-2 rounded-full px-2 py-0.5 text-xs font-semibold ${SEVERITY_CLASS[a.severity]}`}>{a.severity}</span>
        <span className="font-mono text-xs font-semibold">{a.code}</span>
        {a.channel ? <span className="text-xs text-slate-500"> · channel {a.channel}</span> : null}
        <div className="mt-1 text-slate-700 dark:text-slate-300">{a.message}</div>
        {a.state !== "resolved" && DEAD_SOURCE.has(a.code) && <Link href={`/servers/${a.serverId}/failover`} className="mt-1 inline-block text-sm font-semibold underline">Fail over {a.serverName}…</Link>}
      </td>
      <td className="py-2 pr-3 text-xs whitespace-nowrap" data-col="since">
        {a.state === "resolved" ? (
          <>
            <div>lasted <Since iso={a.since} until={a.resolvedAt} /></div>
            {a.resolvedAt && <div className="text-slate-500">resolved <RelativeTime iso={a.resolvedAt} /></div>}
          </>
        ) : (
          <Since what={a.state} iso={a.since} />
        )}
        {a.silenced && <div className="font-semibold text-violet-700 dark:text-violet-300" data-testid="silenced-mark">silenced</div>}
      </td>
      <td className="py-2 text-xs" data-col="ack">
        {a.acknowledgedBy ? <span data-testid="acknowledged-by">acknowledged by {a.acknowledgedBy}</span> : a.state === "firing" && canAck ? <AckButton alert={a} onDone={onChange} /> : <span className="text-slate-500">—</span>}
      </td>
    </tr>
  );
}

function Section({ title, alerts, empty, canAck, onChange }: { title: string; alerts: AlertView[]; empty: string; canAck: boolean; onChange: () => void }) {
  return (
    <section aria-label={title} className="mb-8">
      <h2 className="mb-2 font-semibold">{title} <span className="text-sm font-normal text-slate-500">({alerts.length})</span></h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
            <tr><th className="py-2 pr-3">Server</th><th className="py-2 pr-3">Problem</th><th className="py-2 pr-3">Since</th><th className="py-2">Acknowledged</th></tr>
          </thead>
          <tbody>{alerts.map((a) => <Row key={a.id} a={a} canAck={canAck} onChange={onChange} />)}</tbody>
        </table>
      )}
    </section>
  );
}

/** Every alert, live (refreshes every 2 s); operators may acknowledge firing ones. */
export function AlertsBoard({ initial, canAck }: { initial: AlertsResponse; canAck: boolean }) {
  const { data, error, mutate } = useAlerts(initial);
  const s = alertSections(data?.alerts ?? []);
  const refresh = () => void mutate();
  return (
    <div>
      {error && <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">Live refresh failed ({error.message}); showing the last data received.</p>}
      <Section title="Firing" alerts={s.firing} empty="Nothing is firing." canAck={canAck} onChange={refresh} />
      <Section title="Pending" alerts={s.pending} empty="Nothing pending." canAck={canAck} onChange={refresh} />
      <Section title="Silenced" alerts={s.silenced} empty="No silenced alerts." canAck={canAck} onChange={refresh} />
      <Section title="Recently resolved" alerts={s.resolved} empty="Nothing resolved recently." canAck={false} onChange={refresh} />
    </div>
  );
}
