// GET /api/topology: clusters of nodes (registered and ghost) and source→replica edges per channel.
import { withRole } from "@/lib/services/session";
import { topologyReport } from "@/lib/services/topology";

export const dynamic = "force-dynamic";

/** `{ clusters: [{ id, name, nodes: [...], edges: [...] }] }`. */
async function getHandler() {
  return Response.json(await topologyReport(), { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}
