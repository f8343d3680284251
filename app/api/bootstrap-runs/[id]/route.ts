// GET /api/bootstrap-runs/:id: the run, its steps with logs, and the dry-run plan / runbook.
import { findRun } from "@/lib/data/bootstrap";
import { planOf } from "@/lib/services/bootstrap/runs";

export const dynamic = "force-dynamic";

/** `{ run, plan: { steps, runbook } | null }`; 404 when unknown. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const run = await findRun((await params).id);
  if (!run) return Response.json({ error: "No such run." }, { status: 404 });
  return Response.json({ run, plan: await planOf(run) }, { headers: { "Cache-Control": "no-store" } });
}
