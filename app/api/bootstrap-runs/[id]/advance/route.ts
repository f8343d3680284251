// POST /api/bootstrap-runs/:id/advance: runs the next step in the background (`?all=1`: and every step after it).
import type { Caller } from "@/lib/domain/auth";
import { withCaller } from "@/lib/services/session";
import { act } from "@/lib/services/bootstrap/engine";
import { respond } from "@/lib/services/http";

/** 202 with the run as it now stands; 409 when the run's state does not allow it. */
async function postHandler(req: Request, { params }: { params: Promise<{ id: string }> }, caller: Caller) {
  const all = new URL(req.url).searchParams.get("all") === "1";
  return respond(await act((await params).id, "advance", all, caller), 202);
}

/** POST, for callers with at least the operator role (401 / 403 otherwise). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "operator", (caller) => postHandler(req, ctx, caller));
}
