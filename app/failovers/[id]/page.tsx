// One failover, live.
import { notFound } from "next/navigation";
import { FailoverView } from "@/components/failover/failover-view";
import { PageHeader } from "@/components/ui/page-header";
import { getFailover } from "@/lib/services/failover";
import { findServer } from "@/lib/data/servers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Failover" };

/** The run's steps, logs and report. */
export default async function FailoverRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const run = await getFailover(id);
  if (!run.ok) notFound();
  const [source, candidate] = await Promise.all([findServer(run.value.sourceId), findServer(run.value.candidateId)]);
  return (
    <>
      <PageHeader title="Failover" subtitle={`Dead source ${source?.name ?? "(removed)"}`} />
      <FailoverView initial={run.value} names={{ source: source?.name ?? "(removed)", candidate: candidate?.name ?? "(removed)" }} />
    </>
  );
}
