// GET /metrics: Prometheus text format (lag, thread flags, state, last check, sweep duration).
import { metrics } from "@/lib/services/metrics";

export const dynamic = "force-dynamic";

/** The metrics of the last sweep. */
export async function GET() {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
