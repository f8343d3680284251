// One server: its registration, detected version and connection state, with test / edit / remove.
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckBadge } from "@/components/servers/check-badge";
import { DeleteButton } from "@/components/servers/delete-button";
import { TestButton } from "@/components/servers/test-button";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { OperationsPanel } from "@/components/operations/operations-panel";
import { SilenceServerButton } from "@/components/alerts/silence-forms";
import { LagChart } from "@/components/status/lag-chart";
import { ServerStatusPanel } from "@/components/status/server-status-panel";
import { registryView, requestPrincipal, rolesOf } from "@/lib/services/request";
import { serverNeighbours, serverStatusDetail } from "@/lib/services/status";
import { versionLabel } from "@/lib/domain/dialect";
import { thresholdsText } from "@/lib/domain/format";
import { thresholdsFor } from "@/lib/domain/health";
import { availableOperations } from "@/lib/domain/operations/available";
import { keyFingerprint } from "@/lib/domain/public-key";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

/** The server page: one read of the registry and statuses (registryView), one principal, per request. */
export default async function ServerPage({ params, searchParams }: Props) {
  const [{ id }, { saved }, view, me] = await Promise.all([params, searchParams, registryView(), requestPrincipal()]);
  const s = view.servers.find((r) => r.id === id);
  const [detail, neighbours] = await Promise.all([serverStatusDetail(id, view), serverNeighbours(id, view)]);
  if (!s || !detail) notFound();
  const { admin, operator } = rolesOf(me);
  const thresholds = thresholdsFor(s.lagWarnSeconds, s.lagCritSeconds);
  const available = availableOperations(detail.status, me?.role ?? null, neighbours);
  const rows: [string, string][] = [
    ["Address", `${s.host}:${s.port}`],
    ["User", s.user],
    ["Version", versionLabel(s.flavor, s.version)],
    ["TLS", s.tlsMode],
    ["Password exchange", [s.serverPublicKey ? `pinned key ${keyFingerprint(s.serverPublicKey)}` : null, s.allowPublicKeyRetrieval ? "public-key retrieval allowed" : null].filter(Boolean).join(" · ") || "default: a readable password only over verified TLS"],
    ["Cluster", s.cluster ?? "—"],
    ["Tags", s.tags.join(", ") || "—"],
    ["Heartbeat", s.heartbeatEnabled ? `written every second to \`${s.heartbeatSchema}\`.heartbeat` : "off"],
    ["Lag thresholds", thresholdsText(s.lagWarnSeconds, s.lagCritSeconds)],
  ];
  return (
    <>
      <PageHeader
        title={s.name}
        subtitle={`${s.host}:${s.port}`}
        actions={
          <>
            {operator && <SilenceServerButton serverId={s.id} serverName={s.name} />}
            {operator && <Link href={`/topology/discover?seed=${s.id}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Discover from here</Link>}
            {admin && <Link href={`/servers/${s.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Edit</Link>}
            {admin && <DeleteButton serverId={s.id} name={s.name} />}
          </>
        }
      />
      {saved && <p role="status" className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-800 dark:bg-sky-950 dark:text-sky-200">Saved.</p>}
      <div className="mb-6 space-y-6">
        <ServerStatusPanel serverId={s.id} initial={detail} />
        <LagChart serverId={s.id} warn={thresholds.warn} crit={thresholds.crit} delay={Math.max(0, ...(detail.status?.channels ?? []).map((c) => c.sqlDelay))} />
        {available && <OperationsPanel serverId={s.id} available={available} />}
      </div>
      <section aria-label="Connection" className="mb-6 rounded-md border border-slate-200 p-4 dark:border-slate-800">
        <h2 className="mb-2 text-sm font-semibold uppercase text-slate-500">Connection</h2>
        {s.lastCheck ? (
          <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="last-check">
            <CheckBadge status={s.lastCheck.status} /> <span>{s.lastCheck.detail}</span>
            <span className="text-slate-500">(<RelativeTime iso={s.lastCheck.at} />)</span>
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-500">Not tested yet.</p>
        )}
        {operator && <TestButton serverId={s.id} />}
      </section>
      <dl className="grid max-w-2xl grid-cols-1 gap-y-1 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-y-2">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="mb-2 break-words sm:mb-0">{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
