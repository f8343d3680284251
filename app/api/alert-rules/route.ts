// GET /api/alert-rules lists the `for` overrides; PUT replaces them (admin): { rules: [{ code?, cluster?, serverId?, forSeconds }] }.
import { withCaller, withRole } from "@/lib/services/session";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { listAlertRules, replaceAlertRules } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role. */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => Response.json({ rules: await listAlertRules() }, { headers: { "Cache-Control": "no-store" } }));
}

/** PUT, admin only. */
export async function PUT(req: Request) {
  return withCaller(req, "admin", async (caller) => {
    const body = await readJsonObject(req);
    return body ? respond(await replaceAlertRules(body, caller)) : badBody();
  });
}
