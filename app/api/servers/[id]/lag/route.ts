// GET /api/servers/:id/lag?range=hour|day|week: lag samples for charts (lagSeconds null where unknown).
import { withRole } from "@/lib/services/session";
import { findServer } from "@/lib/data/servers";
import { lagSamples } from "@/lib/data/status";
import { RANGES, type RangeName } from "@/lib/domain/lag-chart";

export const dynamic = "force-dynamic";

/** `{ from, to, samples: [{ channel, at, lagSeconds, source }] }`. */
async function getHandler(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!(await findServer(id))) return Response.json({ error: "No such server." }, { status: 404 });
  const range = (new URL(req.url).searchParams.get("range") ?? "hour") as RangeName;
  if (!(range in RANGES)) return Response.json({ error: "range must be hour, day or week" }, { status: 400 });
  const to = Date.now() / 1000;
  const from = to - RANGES[range];
  return Response.json({ from, to, samples: await lagSamples(id, from, to) }, { headers: { "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", () => getHandler(req, ctx));
}
