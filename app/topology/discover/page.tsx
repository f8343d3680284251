// Discovery: crawl outwards from one registered server and register what nobody registered yet.
import { DiscoveryPanel } from "@/components/topology/discovery-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/servers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Discover" };

/** The discovery page; `?seed=` preselects the starting server. */
export default async function DiscoverPage({ searchParams }: { searchParams: Promise<{ seed?: string }> }) {
  const [{ seed }, servers] = await Promise.all([searchParams, listServers()]);
  return (
    <>
      <PageHeader title="Discover servers" subtitle="Follows each server's source and replicas (replica hosts, binlog dump threads); registered servers are read with their own credentials." />
      <DiscoveryPanel servers={servers.map((s) => ({ id: s.id, name: s.name }))} initialSeed={seed ?? servers[0]?.id ?? ""} />
    </>
  );
}
