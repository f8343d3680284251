// POST /api/bootstrap-runs/:id/retry: runs the next step in the background (`?all=1`: and every step after it).
import { act } from "@/lib/services/bootstrap/engine";
import { respond } from "@/lib/services/http";

/** 202 with the run as it now stands; 409 when the run's state does not allow it. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const all = new URL(req.url).searchParams.get("all") === "1";
  return respond(await act((await params).id, "retry", all), 202);
}
