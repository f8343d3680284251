// GET /api/leader-check: for load balancer and Kubernetes probes, no sign-in. 200 { leader: true, instance, epoch } on
// the instance holding the leader lease, else 503 { leader: false, leaderInstance } (null while nobody leads).
import { leaderCheck } from "@/lib/services/leader";

export const dynamic = "force-dynamic";

/** Answers from the lease in the database (a paused or deposed leader answers 503). */
export async function GET() {
  const body = await leaderCheck();
  return Response.json(body, { status: body.leader ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
