// GET the dead source's failover candidates (409 when it is not dead); POST starts a failover.
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { failoverView, startFailover } from "@/lib/services/failover";
import { actorOf, withRole } from "@/lib/services/session";

type Ctx = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/** `{ sourceName, detection: { code, confirmedBy, unreachableFor }, candidates: [...] }`; 409 when the source is not dead. */
export async function GET(req: Request, ctx: Ctx) {
  return withRole(req, "viewer", async () => respond(await failoverView((await ctx.params).id)));
}

/** POST `{ candidateId: "<id>" | "auto", confirm: "<source name>" }` → 202 `{ id }` (follow GET /api/failovers/:id). */
export async function POST(req: Request, ctx: Ctx) {
  return withRole(req, "operator", async (p, address) => {
    const body = await readJsonObject(req);
    if (!body) return badBody();
    return respond(await startFailover((await ctx.params).id, body, { actor: actorOf(p), address }), 202);
  });
}
