// The audit trail: every change made through replscope and every statement it ran that changed a monitored server.
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterFrom, listActors, listAudit } from "@/lib/data/audit";
import { listServers } from "@/lib/data/servers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit" };

type Search = Record<string, string | undefined>;

function actionLink(action: string) {
  const [kind, id] = action.split(":");
  if (kind === "bootstrap" && id) return <Link className="underline" href={`/replicas/runs/${id}`}>{action}</Link>;
  if (kind === "switchover" && id) return <Link className="underline" href={`/switchovers/${id}`}>{action}</Link>;
  return action;
}

/** Filterable by server, user, kind, action and time (`?server=&actor=&kind=&action=&since=&until=`). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const [entries, servers, actors] = await Promise.all([listAudit(auditFilterFrom(q)), listServers(), listActors()]);
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Every change made through replscope (who, from where, what, result) and every statement it ran on a monitored server (read-only status queries excepted), passwords masked. Kept 90 days." />
      <AuditFilters q={q} servers={servers} actors={actors} />
      <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" aria-label="Audit entries">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">When</th><th>Who</th><th>From</th><th>Action</th><th>Server</th><th>What</th><th>Result</th><th>ms</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-kind={e.kind} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="whitespace-nowrap py-1 text-xs">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{e.actor}</td>
              <td className="text-xs">{e.address ?? "—"}</td>
              <td className="text-xs">{actionLink(e.action)}</td>
              <td>{e.serverName ?? "—"}</td>
              <td className={e.kind === "statement" ? "font-mono text-xs" : "text-xs"}>{e.statement}</td>
              <td className="text-xs">{e.error ? <span className="text-red-700 dark:text-red-400">{e.error}</span> : "ok"}</td>
              <td className="text-xs">{e.kind === "statement" || e.durationMs > 0 ? e.durationMs : "—"}</td>
            </tr>
          ))}
          {entries.length === 0 && <tr><td colSpan={8} className="py-3 text-slate-500">No entries.</td></tr>}
        </tbody>
      </table>
    </>
  );
}
