// GET / PATCH / DELETE one notification channel (admin).
import { withCaller, withRole } from "@/lib/services/session";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { deleteAlertChannel, listAlertChannels, updateAlertChannel } from "@/lib/services/alerts/channel-admin";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET, admin only; 404 when unknown. */
export async function GET(req: Request, ctx: Ctx) {
  return withRole(req, "admin", async () => {
    const id = (await ctx.params).id;
    const c = (await listAlertChannels()).find((x) => x.id === id);
    return c ? Response.json(c, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "No such alert channel." }, { status: 404 });
  });
}

/** PATCH, admin only: omitted fields are kept. */
export async function PATCH(req: Request, ctx: Ctx) {
  return withCaller(req, "admin", async (caller) => {
    const body = await readJsonObject(req);
    return body ? respond(await updateAlertChannel((await ctx.params).id, body, caller)) : badBody();
  });
}

/** DELETE, admin only. */
export async function DELETE(req: Request, ctx: Ctx) {
  return withCaller(req, "admin", async (caller) => respond(await deleteAlertChannel((await ctx.params).id, caller)));
}
