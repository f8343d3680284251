// One wizard run: live steps, actions, plan and runbook. Reloading or reopening never loses it.
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { RunView } from "@/components/wizard/run-view";
import { findRun } from "@/lib/data/bootstrap";
import { findServer } from "@/lib/data/servers";
import { planOf } from "@/lib/services/bootstrap/runs";
import { leaderWait } from "@/lib/services/runs/engine";

export const dynamic = "force-dynamic";
export const metadata = { title: "Replica run" };

/** The run page. */
export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const run = await findRun((await params).id);
  if (!run) notFound();
  const [source, target, plan, waitingForLeader] = await Promise.all([findServer(run.sourceId), findServer(run.targetId), planOf(run), leaderWait(run.id)]);
  const names = { source: source?.name ?? "(removed)", target: target?.name ?? "(removed)" };
  return (
    <>
      <PageHeader title={`New replica: ${names.target}`} subtitle={`from ${names.source} · run ${run.id}`} />
      <RunView initial={{ run, plan, waitingForLeader }} names={names} />
    </>
  );
}
