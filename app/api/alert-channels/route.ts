// GET /api/alert-channels lists notification channels (secrets never returned); POST creates one (201).
import { withCaller, withRole } from "@/lib/services/session";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { createAlertChannel, listAlertChannels } from "@/lib/services/alerts/channel-admin";

export const dynamic = "force-dynamic";

/** GET, admin only: channel URLs (e.g. Slack webhook URLs) are secrets of their own. */
export async function GET(req: Request) {
  return withRole(req, "admin", async () => Response.json({ channels: await listAlertChannels() }, { headers: { "Cache-Control": "no-store" } }));
}

/** POST, admin only: 201 with the channel, 400 with fieldErrors, 409 when the name is taken. */
export async function POST(req: Request) {
  return withCaller(req, "admin", async (caller) => {
    const body = await readJsonObject(req);
    return body ? respond(await createAlertChannel(body, caller), 201) : badBody();
  });
}
