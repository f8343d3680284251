// POST /api/bootstrap-runs/:id/abort: stops a running step, undoes what can be undone, says what it could not.
import type { Principal } from "@/lib/domain/auth";
import { withRole } from "@/lib/services/session";
import { abortRun } from "@/lib/services/bootstrap/engine";
import { respond } from "@/lib/services/http";

/** `{ run, undone, notUndone }`. */
async function postHandler(_req: Request, { params }: { params: Promise<{ id: string }> }, p: Principal) {
  return respond(await abortRun((await params).id, p.name));
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "operator", (p) => postHandler(req, ctx, p));
}
