// One planned switchover, live.
import { notFound } from "next/navigation";
import { SwitchoverView } from "@/components/switchover/switchover-view";
import { PageHeader } from "@/components/ui/page-header";
import { findServer } from "@/lib/data/servers";
import { findSwitchover } from "@/lib/data/switchover";
import { may } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Switchover" };

/** The run's steps, logs and report. */
export default async function SwitchoverRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const run = await findSwitchover(id);
  if (!run) notFound();
  const [source, candidate, operator] = await Promise.all([findServer(run.sourceId), findServer(run.candidateId), may("operator")]);
  return (
    <>
      <PageHeader title="Planned switchover" subtitle={`Started ${run.createdAt.replace("T", " ").slice(0, 19)} UTC`} />
      <SwitchoverView initial={run} names={{ source: source?.name ?? "(removed)", candidate: candidate?.name ?? "(removed)" }} canStop={operator} />
    </>
  );
}
