// Overview: how many servers are registered and which ones replscope cannot reach.
import Link from "next/link";
import { ServerTable } from "@/components/servers/server-table";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/servers";
import { CHECK_LABELS, type CheckStatus } from "@/lib/domain/connection-check";

export const dynamic = "force-dynamic";

/** Counts by last connection outcome, problems first, then the registry. */
export default async function OverviewPage() {
  const servers = await listServers();
  const counts = new Map<string, number>();
  for (const s of servers) counts.set(s.lastCheck?.status ?? "untested", (counts.get(s.lastCheck?.status ?? "untested") ?? 0) + 1);
  const failing = servers.filter((s) => s.lastCheck && s.lastCheck.status !== "ok");
  return (
    <>
      <PageHeader title="Overview" subtitle={`${servers.length} server${servers.length === 1 ? "" : "s"} registered`} />
      <ul className="mb-6 flex flex-wrap gap-3" aria-label="Servers by connection state">
        {[...counts].map(([status, n]) => (
          <li key={status} className="rounded-md border border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
            <span className="text-2xl font-semibold">{n}</span>{" "}
            <span className="text-slate-500">{status === "untested" ? "not tested" : CHECK_LABELS[status as CheckStatus] ?? status}</span>
          </li>
        ))}
      </ul>
      {failing.length > 0 && (
        <section className="mb-6" aria-label="Unreachable servers">
          <h2 className="mb-2 font-semibold">Needs attention</h2>
          <ul className="space-y-1 text-sm">
            {failing.map((s) => (
              <li key={s.id}>
                <Link href={`/servers/${s.id}`} className="font-medium underline">{s.name}</Link>: {s.lastCheck?.detail}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ServerTable servers={servers} />
    </>
  );
}
