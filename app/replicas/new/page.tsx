// The new-replica wizard — this area is being built.
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "New replica" };

/** Placeholder until the bootstrap wizard lands. */
export default function NewReplicaPage() {
  return <PageHeader title="New replica" subtitle="The wizard that bootstraps a replica from a registered source will appear here." />;
}
