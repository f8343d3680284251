// GET / PUT a cluster's failover settings (fencing, automatic mode, hook URLs and secret).
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { getSetting, updateSetting } from "@/lib/services/failover/settings";
import { actorOf, withRole } from "@/lib/services/session";

type Ctx = { params: Promise<{ name: string }> };

export const dynamic = "force-dynamic";

/** `{ cluster, fencing, autoFailover, autoDelaySeconds, cooldownSeconds, hookUrls, hasHookSecret }`. */
export async function GET(req: Request, ctx: Ctx) {
  return withRole(req, "viewer", async () => respond(await getSetting(decodeURIComponent((await ctx.params).name))));
}

/** PUT the settings (admin); an absent hookSecret keeps the stored one. */
export async function PUT(req: Request, ctx: Ctx) {
  return withRole(req, "admin", async (p, address) => {
    const body = await readJsonObject(req);
    if (!body) return badBody();
    return respond(await updateSetting(decodeURIComponent((await ctx.params).name), body, { actor: actorOf(p), address }));
  });
}
