// Topology graphs: who replicates from whom, which link lags or is broken, per cluster.
import Link from "next/link";
import { TopologyView } from "@/components/topology/topology-view";
import { PageHeader } from "@/components/ui/page-header";
import { registryView, requestPrincipal, rolesOf } from "@/lib/services/request";
import { topologyReport } from "@/lib/services/topology";

export const dynamic = "force-dynamic";
export const metadata = { title: "Topology" };

/** Server-renders the first graph data; the view refreshes itself. */
export default async function TopologyPage() {
  const [report, me] = await Promise.all([registryView().then(topologyReport), requestPrincipal()]);
  const { operator } = rolesOf(me);
  return (
    <>
      <PageHeader
        title="Topology"
        subtitle="Sources above their replicas · red links are broken · click a server to open it"
        actions={operator && <Link href="/topology/discover" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Discover servers</Link>}
      />
      {report.clusters.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No servers yet. <Link href="/servers/new" className="text-sky-700 underline dark:text-sky-400">Register one</Link>.</p>
      ) : (
        <TopologyView initial={report} />
      )}
    </>
  );
}
