// On-call alerts: firing (worst first), pending, silenced, recently resolved — live — and the silences.
import { AlertsBoard } from "@/components/alerts/alerts-board";
import { CreateSilenceForm } from "@/components/alerts/silence-forms";
import { SilencesList } from "@/components/alerts/silences-list";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/servers";
import { PROBLEM_CODES } from "@/lib/domain/alerts/rules";
import { may } from "@/lib/services/session";
import { listAlerts, listSilenceViews } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alerts" };

/** Server-renders the first lists; the alert lists then refresh themselves every 2 s. */
export default async function AlertsPage() {
  const [alerts, silences, servers, operator] = await Promise.all([listAlerts(), listSilenceViews(), listServers(), may("operator")]);
  const clusters = [...new Set(servers.map((s) => s.cluster).filter((c): c is string => !!c))].sort();
  return (
    <>
      <PageHeader title="Alerts" subtitle="firing worst first · refreshed every 2 s · silenced alerts are listed but send nothing" />
      <AlertsBoard initial={{ alerts }} canAck={operator} />
      <section aria-label="Silences" className="space-y-3">
        <h2 className="font-semibold">Silences</h2>
        <SilencesList silences={silences.filter((s) => s.active)} canExpire={operator} />
        {operator && <CreateSilenceForm servers={servers.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name))} clusters={clusters} codes={[...PROBLEM_CODES]} />}
      </section>
    </>
  );
}
