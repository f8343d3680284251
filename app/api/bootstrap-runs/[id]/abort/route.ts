// POST /api/bootstrap-runs/:id/abort: stops a running step, undoes what can be undone, says what it could not.
import type { Caller } from "@/lib/domain/auth";
import { withCaller } from "@/lib/services/session";
import { abortRun } from "@/lib/services/bootstrap/engine";
import { respond } from "@/lib/services/http";

/** `{ run, undone, notUndone }`. */
async function postHandler(_req: Request, { params }: { params: Promise<{ id: string }> }, caller: Caller) {
  return respond(await abortRun((await params).id, caller));
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "operator", (caller) => postHandler(req, ctx, caller));
}
