// POST /api/bootstrap-runs/:id/abort: stops a running step, undoes what can be undone, says what it could not.
import { abortRun } from "@/lib/services/bootstrap/engine";
import { respond } from "@/lib/services/http";

/** `{ run, undone, notUndone }`. */
export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await abortRun((await params).id));
}
