// GET /api/topology: clusters of nodes (registered and ghost) and source→replica edges per channel.
import { topologyReport } from "@/lib/services/topology";

export const dynamic = "force-dynamic";

/** `{ clusters: [{ id, name, nodes: [...], edges: [...] }] }`. */
export async function GET() {
  return Response.json(await topologyReport(), { headers: { "Cache-Control": "no-store" } });
}
