// The signed-in user's account: role, live sessions, password change.
import { ChangePasswordForm, SignOutOthersButton } from "@/components/auth/account-forms";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { listActiveSessions } from "@/lib/data/users";
import { sessionGuard } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account" };

/** Own account page (any role; API tokens have no account). */
export default async function AccountPage() {
  const g = await sessionGuard();
  if ("error" in g) return <PageHeader title="Account" subtitle="API tokens have no account: sign in as a user." />;
  const me = g.principal;
  const sessions = await listActiveSessions(me.id, g.token);
  return (
    <>
      <PageHeader title={me.name} subtitle={`Role: ${me.role}`} />
      <section aria-label="Sessions" className="mb-8 space-y-3">
        <h2 className="font-semibold">Signed-in sessions</h2>
        <table className="text-sm">
          <thead><tr className="text-left text-xs uppercase text-slate-500"><th className="pr-6">Started</th><th className="pr-6">From</th><th className="pr-6">Expires</th><th /></tr></thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-current={s.current}>
                <td className="py-1 pr-6"><RelativeTime iso={s.createdAt} /></td>
                <td className="pr-6 font-mono text-xs">{s.address ?? "—"}</td>
                <td className="pr-6 text-xs">{s.expiresAt.replace("T", " ").slice(0, 16)} UTC</td>
                <td className="text-xs text-slate-500">{s.current ? "this session" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SignOutOthersButton others={sessions.filter((s) => !s.current).length} />
      </section>
      <section aria-label="Password" className="space-y-3">
        <h2 className="font-semibold">Change password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
