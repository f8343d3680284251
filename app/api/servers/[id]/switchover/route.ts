// GET the candidates for a planned switchover of this source, with readiness; POST starts one.
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { listCandidates, startSwitchover } from "@/lib/services/switchover";
import { actorOf, withRole } from "@/lib/services/session";

type Ctx = { params: Promise<{ id: string }> };

/** `{ sourceName, candidates: [{ candidateId, candidateName, score, ready, checks, replUser }], unreadable }`. */
export async function GET(req: Request, ctx: Ctx) {
  return withRole(req, "viewer", async () => respond(await listCandidates((await ctx.params).id)));
}

/** POST `{ candidateId, replUser, replPassword, confirm: <source name>, catchUpSeconds? }` → 202 `{ id }` (follow GET /api/switchovers/:id). */
export async function POST(req: Request, ctx: Ctx) {
  return withRole(req, "operator", async (p, address) => {
    const body = await readJsonObject(req);
    if (!body) return badBody();
    return respond(await startSwitchover((await ctx.params).id, body, { actor: actorOf(p), address }), 202);
  });
}
