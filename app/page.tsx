// Overview for on-call: which server is lagging or broken, by how much, and why — live.
import Link from "next/link";
import { StatusBoard } from "@/components/status/status-board";
import { PageHeader } from "@/components/ui/page-header";
import { registryView } from "@/lib/services/request";
import { statusReport } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** Server-renders the first report, then the board refreshes itself. */
export default async function OverviewPage() {
  const { checkedAt, servers } = await statusReport(await registryView());
  return (
    <>
      <PageHeader title="Overview" subtitle={`${servers.length} server${servers.length === 1 ? "" : "s"} · worst first · refreshed every 2 s`} />
      {servers.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
          No servers yet. <Link href="/servers/new" className="text-sky-600 underline">Register one</Link>, or run <code>npm run demo</code>.
        </p>
      ) : (
        <StatusBoard initial={{ checkedAt, servers }} />
      )}
    </>
  );
}
