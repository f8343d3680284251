// POST rejoins a fenced former source as a replica of the new one (refused when it has errant transactions).
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { rejoinFormerSource } from "@/lib/services/failover/fencing";
import { actorOf, withRole } from "@/lib/services/session";

/** POST `{ replUser, replPassword }` → 200 `{ newSourceName }`; 409 naming the errant transactions. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "operator", async (p, address) => {
    const body = await readJsonObject(req);
    if (!body) return badBody();
    return respond(await rejoinFormerSource((await ctx.params).id, body, { actor: actorOf(p), address }));
  });
}
