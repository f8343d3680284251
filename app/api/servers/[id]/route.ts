// GET / PATCH / DELETE one server of the registry.
import { findServer } from "@/lib/data/servers";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { deleteServer, updateServer } from "@/lib/services/servers";

type Ctx = { params: Promise<{ id: string }> };

/** One server, secrets omitted; 404 when unknown. */
export async function GET(_req: Request, { params }: Ctx) {
  const server = await findServer((await params).id);
  return server ? Response.json(server, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "No such server." }, { status: 404 });
}

/** Partial update; re-tests the connection when host, port, user, password or TLS changed. */
export async function PATCH(req: Request, { params }: Ctx) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await updateServer((await params).id, body), 200, (v) => ({ ...v.server, check: v.check }));
}

/** Removes the server from the registry. */
export async function DELETE(_req: Request, { params }: Ctx) {
  return respond(await deleteServer((await params).id));
}
