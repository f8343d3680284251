// POST /api/servers/:id/test runs a connection test now and stores its outcome.
import { respond } from "@/lib/services/http";
import { testServer } from "@/lib/services/servers";

/** `{ status, detail, flavor?, version? }` — status is ok, access_denied, unknown_host, refused, timeout, not_mysql, tls or error. */
export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await testServer((await params).id), 200, (v) => v.check);
}
