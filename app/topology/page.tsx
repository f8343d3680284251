// Topology graphs (master → replica) — this area is being built.
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Topology" };

/** Placeholder until the topology graph lands. */
export default function TopologyPage() {
  return <PageHeader title="Topology" subtitle="Replication graphs of every registered cluster will appear here." />;
}
