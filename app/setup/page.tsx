// First run: create the first admin.
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { PageHeader } from "@/components/ui/page-header";
import { setupAction } from "@/lib/actions/auth";
import { isSetUp } from "@/lib/data/users";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

/** Only while no user exists. */
export default async function SetupPage() {
  if (await isSetUp()) redirect("/login");
  return (
    <>
      <PageHeader title="Set up replscope" subtitle="Create the first administrator account with the one-time setup code replscope printed on its console at start (password: 12 characters or more)." />
      <CredentialsForm action={setupAction} submit="Create admin" setupCode />
    </>
  );
}
