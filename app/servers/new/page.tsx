// Register a new server.
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { createServerAction } from "@/lib/actions/servers";

export const metadata = { title: "Add server" };

/** The add-server form; saving tests the connection. `?host=&port=` prefill it (from a ghost node on the graph). */
export default async function NewServerPage({ searchParams }: { searchParams: Promise<{ host?: string; port?: string }> }) {
  const { host, port } = await searchParams;
  return (
    <>
      <PageHeader title="Add server" subtitle="replscope connects with this account to read replication status. The password is stored encrypted." />
      <ServerForm action={createServerAction} prefill={{ host, port: port ? Number(port) : undefined }} />
    </>
  );
}
