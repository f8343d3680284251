// The audit trail: every statement replscope ran that changed a monitored server, passwords masked.
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/data/audit";
import { listServers } from "@/lib/data/servers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit" };

type Search = { server?: string; action?: string; since?: string };

/** Filterable by server, action and time (`?server=&action=&since=` ISO date). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const since = q.since && !Number.isNaN(Date.parse(q.since)) ? new Date(q.since) : undefined;
  const [entries, servers] = await Promise.all([listAudit({ serverId: q.server || undefined, action: q.action || undefined, since }), listServers()]);
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Statements that changed a monitored server (read-only status queries are not listed). Kept 90 days." />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">Server
          <select name="server" defaultValue={q.server ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
            <option value="">all</option>
            {servers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">Action starts with<input name="action" defaultValue={q.action ?? ""} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" /></label>
        <label className="flex flex-col gap-1">Since<input name="since" type="date" defaultValue={q.since ?? ""} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" /></label>
        <button className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-700">Filter</button>
      </form>
      <table className="w-full text-left text-sm" aria-label="Audit entries">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">When</th><th>Who</th><th>Action</th><th>Server</th><th>Statement</th><th>ms</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="whitespace-nowrap py-1 text-xs">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{e.actor}</td>
              <td className="text-xs">{e.action.startsWith("bootstrap:") ? <Link className="underline" href={`/replicas/runs/${e.action.slice(10)}`}>{e.action}</Link> : e.action}</td>
              <td>{e.serverName ?? "—"}</td>
              <td className="font-mono text-xs">{e.statement}{e.error && <div className="text-red-700 dark:text-red-400">{e.error}</div>}</td>
              <td className="text-xs">{e.durationMs}</td>
            </tr>
          ))}
          {entries.length === 0 && <tr><td colSpan={6} className="py-3 text-slate-500">No entries.</td></tr>}
        </tbody>
      </table>
    </>
  );
}
