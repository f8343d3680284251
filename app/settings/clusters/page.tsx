// Admin: each cluster's failover settings (fencing, automatic mode, hooks).
import { ClusterSettingsForm } from "@/components/failover/cluster-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/domain/auth";
import { clusterSettingsPage } from "@/lib/services/failover/settings";
import { currentPrincipal } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cluster failover settings" };

/** One form per cluster of the registry (a server without cluster is its own); admins only. */
export default async function ClusterSettingsPage() {
  const me = await currentPrincipal();
  if (!me || !allows(me.role, "admin")) return <PageHeader title="Cluster failover settings" subtitle="Only administrators change failover settings." />;
  const settings = await clusterSettingsPage();
  return (
    <>
      <PageHeader title="Cluster failover settings" subtitle="Fencing of a returned former source, automatic failover (off by default), and the hooks notified before and after a failover." />
      {settings.length === 0 && <p className="text-sm text-slate-500">No servers registered yet.</p>}
      <div className="space-y-4">{settings.map((s) => <ClusterSettingsForm key={s.cluster} setting={s} />)}</div>
    </>
  );
}
