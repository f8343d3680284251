// GET /api/alerts?state=firing|pending|resolved: alerts worst first, with server, since and acknowledgement.
import { withRole } from "@/lib/services/session";
import { listAlerts } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";

const STATES = ["firing", "pending", "resolved"] as const;

/** The alerts as JSON; 400 for an unknown state. */
async function getHandler(req: Request) {
  const state = new URL(req.url).searchParams.get("state");
  if (state && !(STATES as readonly string[]).includes(state)) return Response.json({ error: "state must be firing, pending or resolved." }, { status: 400 });
  const alerts = await listAlerts((state as (typeof STATES)[number] | null) ?? undefined);
  return Response.json({ alerts }, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler(req));
}
