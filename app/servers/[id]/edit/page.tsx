// Edit a registered server.
import { notFound } from "next/navigation";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { updateServerAction } from "@/lib/actions/servers";
import { findServer } from "@/lib/data/servers";

export const dynamic = "force-dynamic";

/** The edit form; the password field starts blank and a blank password keeps the stored one. */
export default async function EditServerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const server = await findServer(id);
  if (!server) notFound();
  return (
    <>
      <PageHeader title={`Edit ${server.name}`} />
      <ServerForm action={updateServerAction.bind(null, server.id)} server={server} />
    </>
  );
}
