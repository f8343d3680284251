// GET /metrics: Prometheus text format (lag, thread flags, state, last check, sweep duration).
import { withRole } from "@/lib/services/session";
import { metrics } from "@/lib/services/metrics";

export const dynamic = "force-dynamic";

/** The metrics of the last sweep. */
async function getHandler() {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request) {
  return withRole(req, "viewer", () => getHandler());
}
