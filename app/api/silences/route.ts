// GET /api/silences lists silences; POST creates one (operator): 201, or 400 without a reason, an end or a match.
import { withCaller, withRole } from "@/lib/services/session";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { createSilence, listSilenceViews } from "@/lib/services/alerts/alerts";

export const dynamic = "force-dynamic";

/** GET, for callers with at least the viewer role. */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => Response.json({ silences: await listSilenceViews() }, { headers: { "Cache-Control": "no-store" } }));
}

/** POST, for callers with at least the operator role. */
export async function POST(req: Request) {
  return withCaller(req, "operator", async (caller) => {
    const body = await readJsonObject(req);
    return body ? respond(await createSilence(body, caller), 201) : badBody();
  });
}
