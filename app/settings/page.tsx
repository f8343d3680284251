// Admin settings: users and API tokens.
import Link from "next/link";
import { AddTokenForm, AddUserForm, ResetPasswordForm, RevokeToken, SignOutUserButton, UserControls } from "@/components/auth/settings-forms";
import { PageHeader } from "@/components/ui/page-header";
import { activeSessionCounts, listTokens, listUsers } from "@/lib/data/users";
import { allows } from "@/lib/domain/auth";
import { currentPrincipal } from "@/lib/services/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

/** Users and tokens; admins only. */
export default async function SettingsPage() {
  const me = await currentPrincipal();
  if (!me || !allows(me.role, "admin")) return <PageHeader title="Settings" subtitle="Only administrators manage users and tokens." />;
  const [users, tokens, sessions] = await Promise.all([listUsers(), listTokens(), activeSessionCounts()]);
  return (
    <>
      <PageHeader title="Settings" subtitle="viewer: sees everything but secrets · operator: also runs replication operations and the wizard · admin: also manages servers, users and tokens" actions={<><Link href="/settings/alerts" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Alert channels</Link><Link href="/settings/clusters" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Cluster failover settings</Link></>} />
      <section className="mb-8 space-y-3" aria-label="Users">
        <h2 className="font-semibold">Users</h2>
        <table className="text-sm"><tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.username} className="align-top">
              <td className="py-1 pr-6">{u.username}</td>
              <td className="pr-6">{u.id === me.id ? u.role : <UserControls id={u.id} role={u.role} name={u.username} />}</td>
              <td className="pr-6 text-xs text-slate-500" data-col="sessions">{sessions.get(u.id) ?? 0} session(s)</td>
              <td className="space-y-1">{u.id === me.id ? <Link href="/account" className="text-xs hover:underline">your account</Link> : <><SignOutUserButton id={u.id} name={u.username} sessions={sessions.get(u.id) ?? 0} /><ResetPasswordForm id={u.id} name={u.username} /></>}</td>
            </tr>
          ))}
        </tbody></table>
        <AddUserForm />
      </section>
      <section className="space-y-3" aria-label="API tokens">
        <h2 className="font-semibold">API tokens <span className="text-sm font-normal text-slate-500">(Authorization: Bearer …)</span></h2>
        <table className="text-sm"><tbody>
          {tokens.map((t) => <tr key={t.id}><td className="py-1 pr-6">{t.name}</td><td className="pr-6">{t.role}</td><td className="pr-6 text-xs text-slate-500">{t.revokedAt ? "revoked" : t.lastUsedAt ? `used ${t.lastUsedAt.toISOString().slice(0, 16)}` : "never used"}</td><td>{!t.revokedAt && <RevokeToken id={t.id} />}</td></tr>)}
        </tbody></table>
        <AddTokenForm />
      </section>
    </>
  );
}
