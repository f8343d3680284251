// Admin: where alert notifications go (webhook, Slack, Alertmanager, e-mail), with filters and delivery results.
import Link from "next/link";
import { ChannelForm } from "@/components/alerts/channel-forms";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { HookDeliveries } from "@/components/alerts/hook-deliveries";
import { PageHeader } from "@/components/ui/page-header";
import { may } from "@/lib/services/session";
import { listAlertChannels } from "@/lib/services/alerts/channel-admin";
import { recentHookDeliveries } from "@/lib/services/failover/hooks";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert channels" };

/** Channels list and forms; admins only (every action checks the role again on the server). */
export default async function AlertSettingsPage() {
  if (!(await may("admin"))) return <PageHeader title="Alert channels" subtitle="Only administrators manage notification channels." />;
  const [channels, hooks] = await Promise.all([listAlertChannels(), recentHookDeliveries()]);
  return (
    <>
      <PageHeader title="Alert channels" subtitle={<>Notifications for firing and resolved alerts · secrets are write-only · <Link href="/alerts" className="underline">alerts</Link> · <Link href="/settings" className="underline">users and tokens</Link></>} />
      <section aria-label="Channels" className="mb-8 space-y-3">
        <ChannelsTable channels={channels} />
      </section>
      {hooks.length > 0 && (
        <section aria-label="Failover hooks" className="mb-8 space-y-3">
          <h2 className="font-semibold">Failover hooks</h2>
          <HookDeliveries deliveries={hooks} />
        </section>
      )}
      <section aria-label="New channel" className="space-y-3">
        <h2 className="font-semibold">Add a channel</h2>
        <ChannelForm />
      </section>
    </>
  );
}
