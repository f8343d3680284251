// Register a new server.
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { createServerAction } from "@/lib/actions/servers";

export const metadata = { title: "Add server" };

/** The add-server form; saving tests the connection. */
export default function NewServerPage() {
  return (
    <>
      <PageHeader title="Add server" subtitle="replscope connects with this account to read replication status. The password is stored encrypted." />
      <ServerForm action={createServerAction} />
    </>
  );
}
