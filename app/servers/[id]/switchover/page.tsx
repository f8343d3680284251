// Planned switchover of a source: its replicas scored for readiness, and the form that starts one.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReadinessTable } from "@/components/runs/readiness-table";
import { SwitchoverForm } from "@/components/switchover/switchover-form";
import { PageHeader } from "@/components/ui/page-header";
import { findServer } from "@/lib/data/servers";
import { listSwitchovers } from "@/lib/data/switchover";
import { may } from "@/lib/services/session";
import { listCandidates } from "@/lib/services/switchover";

export const dynamic = "force-dynamic";
export const metadata = { title: "Switchover" };

/** Readiness is read live from every server of the topology when the page opens. */
export default async function SwitchoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [s, list, operator, runs] = await Promise.all([findServer(id), listCandidates(id), may("operator"), listSwitchovers(id, 5)]);
  if (!s) notFound();
  return (
    <>
      <PageHeader title={`Planned switchover of ${s.name}`} subtitle="Hand the source role to one of its replicas: the old source becomes a read-only replica of the new one, and the other replicas follow." />
      {!list.ok && <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{list.error}</p>}
      {list.ok && (
        <div className="space-y-6">
          {list.value.unreadable.map((u) => <p key={u.name} className="text-sm text-amber-800 dark:text-amber-200">⚠ {u.name} did not answer ({u.error}); it is left out.</p>)}
          {list.value.candidates.length === 0 ? <p className="text-sm text-slate-500">No registered server replicates from {s.name}.</p> : <ReadinessTable kind="switchover" candidates={list.value.candidates} />}
          {operator && list.value.candidates.some((c) => c.ready) && (
            <SwitchoverForm sourceId={s.id} sourceName={s.name} candidates={list.value.candidates.map((c) => ({ id: c.candidateId, name: c.candidateName, ready: c.ready, replUser: c.replUser }))} />
          )}
        </div>
      )}
      {runs.length > 0 && (
        <section className="mt-6 text-sm">
          <h2 className="mb-2 font-semibold">Recent switchovers</h2>
          <ul className="space-y-1">{runs.map((r) => <li key={r.id}><Link className="underline" href={`/switchovers/${r.id}`}>{r.createdAt.replace("T", " ").slice(0, 19)}</Link> · {r.status} · by {r.actor}</li>)}</ul>
        </section>
      )}
    </>
  );
}
