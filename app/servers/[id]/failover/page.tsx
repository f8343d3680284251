// Failover from a dead source: how it was confirmed, its replicas ranked as candidates, and the form that starts one.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReadinessTable } from "@/components/runs/readiness-table";
import { FailoverForm } from "@/components/failover/failover-form";
import { PageHeader } from "@/components/ui/page-header";
import { listFailovers } from "@/lib/data/failover";
import { findServer } from "@/lib/data/servers";
import { failoverView } from "@/lib/services/failover";
import { may } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Failover" };

/** Candidates are read live from every replica when the page opens. */
export default async function FailoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [s, view, operator, runs] = await Promise.all([findServer(id), failoverView(id), may("operator"), listFailovers(id, 5)]);
  if (!s) notFound();
  const ready = view.ok ? view.value.candidates.filter((c) => c.ready) : [];
  return (
    <>
      <PageHeader title={`Failover from ${s.name}`} subtitle="The source is gone: promote the best replica without losing what the replicas received, and repoint the others." />
      {!view.ok && <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">{view.error}</p>}
      {view.ok && (
        <div className="space-y-6">
          <p data-testid="detection" className="text-sm"><strong>{view.value.detection.code}</strong>: unreachable for {view.value.detection.unreachableFor} polls; confirmed by {view.value.detection.confirmedBy.join(", ")}.</p>
          {view.value.unreadable.map((u) => <p key={u.name} className="text-sm text-amber-800 dark:text-amber-200">⚠ {u.name} did not answer ({u.error}); it is left out.</p>)}
          <ReadinessTable kind="failover" candidates={view.value.candidates} />
          {operator && ready.length > 0 && <FailoverForm sourceId={s.id} sourceName={s.name} candidates={ready.map((c) => ({ id: c.candidateId, name: c.candidateName }))} />}
        </div>
      )}
      {runs.length > 0 && (
        <section className="mt-6 text-sm">
          <h2 className="mb-2 font-semibold">Recent failovers</h2>
          <ul className="space-y-1">{runs.map((r) => <li key={r.id}><Link className="underline" href={`/failovers/${r.id}`}>{r.createdAt.replace("T", " ").slice(0, 19)}</Link> · {r.status} · by {r.auto ? "auto" : r.actor}</li>)}</ul>
        </section>
      )}
    </>
  );
}
