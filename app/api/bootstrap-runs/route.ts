// POST /api/bootstrap-runs creates a run (planned); GET lists recent runs.
import { listRuns } from "@/lib/data/bootstrap";
import { createRun } from "@/lib/services/bootstrap/runs";
import { badBody, readJsonObject, respond } from "@/lib/services/http";

export const dynamic = "force-dynamic";

/** Recent runs, newest first. */
export async function GET() {
  return Response.json({ runs: await listRuns() }, { headers: { "Cache-Control": "no-store" } });
}

/** `{ sourceId, targetId, replUser?, replHost?, replPassword?, reuseUser?, copyMode?, overwriteTarget?, resetTarget? }` → 201 run. */
export async function POST(req: Request) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await createRun(body), 201);
}
