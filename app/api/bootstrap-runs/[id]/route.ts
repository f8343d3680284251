// GET /api/bootstrap-runs/:id: the run, its steps with logs, and the dry-run plan / runbook.
import { withRole } from "@/lib/services/session";
import { findRun } from "@/lib/data/bootstrap";
import { planOf, type RunResponse } from "@/lib/services/bootstrap/runs";
import { leaderWait } from "@/lib/services/runs/engine";

export const dynamic = "force-dynamic";

/** `{ run, plan: { steps, runbook } | null }`; 404 when unknown. */
async function getHandler(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const run = await findRun((await params).id);
  if (!run) return Response.json({ error: "No such run." }, { status: 404 });
  return Response.json({ run, plan: await planOf(run), waitingForLeader: await leaderWait(run.id) } satisfies RunResponse, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", () => getHandler(req, ctx));
}
