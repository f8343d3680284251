// GET /api/servers lists the registry; POST registers a server and tests it (201, or 400/409 with fieldErrors).
import { listServers } from "@/lib/data/servers";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { createServer } from "@/lib/services/servers";

export const dynamic = "force-dynamic";

/** Every registered server, secrets omitted. */
export async function GET() {
  return Response.json({ servers: await listServers() }, { headers: { "Cache-Control": "no-store" } });
}

/** Registers a server; the response carries the stored server and the connection test. */
export async function POST(req: Request) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await createServer(body), 201, (v) => ({ ...v.server, check: v.check }));
}
