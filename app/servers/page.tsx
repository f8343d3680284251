// The server registry: every registered server with its detected version and last test.
import Link from "next/link";
import { ServerTable } from "@/components/servers/server-table";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/servers";
import { may } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Servers" };

/** Lists registered servers. */
export default async function ServersPage() {
  const [servers, admin] = await Promise.all([listServers(), may("admin")]);
  return (
    <>
      <PageHeader
        title="Servers"
        subtitle={`${servers.length} registered`}
        actions={admin && <Link href="/servers/new" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">Add server</Link>}
      />
      <ServerTable servers={servers} />
    </>
  );
}
