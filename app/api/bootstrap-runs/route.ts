// POST /api/bootstrap-runs creates a run (planned); GET lists recent runs.
import type { Caller } from "@/lib/domain/auth";
import { withCaller, withRole } from "@/lib/services/session";
import { listRuns } from "@/lib/data/bootstrap";
import { createRun } from "@/lib/services/bootstrap/runs";
import { badBody, readJsonObject, respond } from "@/lib/services/http";

export const dynamic = "force-dynamic";

/** Recent runs, newest first. */
async function getHandler() {
  return Response.json({ runs: await listRuns() }, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}

/** `{ sourceId, targetId, replUser?, replHost?, replPassword?, reuseUser?, copyMode?, overwriteTarget?, resetTarget? }` → 201 run. */
async function postHandler(req: Request, caller: Caller) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await createRun(body, caller), 201);
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request) {
  return withCaller(req, "operator", (caller) => postHandler(req, caller));
}
