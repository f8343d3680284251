// Sign in.
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { PageHeader } from "@/components/ui/page-header";
import { loginAction } from "@/lib/actions/auth";
import { countUsers } from "@/lib/data/users";
import { safeNextPath } from "@/lib/domain/redirect";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

/** The login page; first run goes to setup instead. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if ((await countUsers()) === 0) redirect("/setup");
  const { next } = await searchParams;
  return (
    <>
      <PageHeader title="Sign in" />
      <CredentialsForm action={loginAction} submit="Sign in" next={safeNextPath(next)} />
    </>
  );
}
