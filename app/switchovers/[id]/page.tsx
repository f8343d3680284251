// One planned switchover, live.
import { notFound } from "next/navigation";
import { SwitchoverView } from "@/components/switchover/switchover-view";
import { PageHeader } from "@/components/ui/page-header";
import { findServer } from "@/lib/data/servers";
import { may } from "@/lib/services/session";
import { getSwitchover } from "@/lib/services/switchover";

export const dynamic = "force-dynamic";
export const metadata = { title: "Switchover" };

/** The run's steps, logs and report. */
export default async function SwitchoverRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await getSwitchover(id);
  if (!found.ok) notFound();
  const run = found.value;
  const [source, candidate, operator] = await Promise.all([findServer(run.sourceId), findServer(run.candidateId), may("operator")]);
  return (
    <>
      <PageHeader title="Planned switchover" subtitle={`Started ${run.createdAt.replace("T", " ").slice(0, 19)} UTC`} />
      <SwitchoverView initial={run} names={{ source: source?.name ?? "(removed)", candidate: candidate?.name ?? "(removed)" }} canStop={operator} />
    </>
  );
}
