// GET /api/audit: the audit trail, newest first, with the audit page's filters as query parameters.
import { auditFilterFrom, listAudit } from "@/lib/data/audit";
import { withRole } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** `?server=&actor=&action=&kind=mutation|statement&since=&until=&take=` (take ≤ 1000, default 200). */
export async function GET(req: Request) {
  return withRole(req, "viewer", async () => {
    const q = Object.fromEntries(new URL(req.url).searchParams);
    const take = Math.min(1000, Math.max(1, Number(q.take) || 200));
    const entries = await listAudit({ ...auditFilterFrom(q), take });
    return Response.json({ entries: entries.map(({ id: _id, ...e }) => e) }, { headers: { "Cache-Control": "no-store" } });
  });
}
