// GET /api/status: every server's health, lag (null when unknown) with its source, problems and channels.
import { statusReport } from "@/lib/services/status";

export const dynamic = "force-dynamic";

/** The on-call view as JSON, worst first. */
export async function GET() {
  const { checkedAt, servers } = await statusReport();
  return Response.json({ checkedAt, servers }, { headers: { "Cache-Control": "no-store" } });
}
