// GET /api/instances (admin): the app instances on this database seen in the last minute, and which one leads.
import { instancesView } from "@/lib/services/leader";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** `{ instances: [{ id, host, startedAt, lastSeenAt, leader }] }`. */
export async function GET(req: Request) {
  return withRole(req, "admin", async () => Response.json({ instances: await instancesView() }, { headers: { "Cache-Control": "no-store" } }));
}
