// The new-replica wizard: choose source and target; recent runs below.
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { RunForm } from "@/components/wizard/run-form";
import { listRuns } from "@/lib/data/bootstrap";
import { listServers } from "@/lib/data/servers";
import { versionLabel } from "@/lib/domain/dialect";
import { may } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "New replica" };

/** Starts a run; nothing touches a server until the run's steps are advanced. */
export default async function NewReplicaPage() {
  const [servers, runs, operator] = await Promise.all([listServers(), listRuns(20), may("operator")]);
  const name = (id: string) => servers.find((s) => s.id === id)?.name ?? "(removed)";
  return (
    <>
      <PageHeader title="New replica" subtitle="Creates a replication user, copies the data with consistent coordinates, points the target at the source and verifies it — step by step, each shown before it runs." />
      {!operator ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Creating replicas needs the operator role.</p>
      ) : servers.length < 2 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Register the source and the target first (<Link href="/servers/new" className="text-sky-700 underline dark:text-sky-400">add a server</Link>).</p>
      ) : (
        <RunForm servers={servers.map((s) => ({ id: s.id, name: s.name, label: `${s.host}:${s.port}, ${versionLabel(s.flavor, s.version)}` }))} />
      )}
      {runs.length > 0 && (
        <section aria-label="Recent runs" className="mt-8">
          <h2 className="mb-2 font-semibold">Recent runs</h2>
          <ul className="space-y-1 text-sm">
            {runs.map((r) => (
              <li key={r.id}><Link href={`/replicas/runs/${r.id}`} className="underline">{name(r.sourceId)} → {name(r.targetId)}</Link> · {r.status} · {new Date(r.createdAt).toLocaleString()}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
