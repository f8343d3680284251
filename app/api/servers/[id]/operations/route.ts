// GET previews a replication operation (exact statements or the refusal); POST runs it once confirmed.
import { operationSchema } from "@/lib/domain/operations/types";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { previewOperation, runOperation } from "@/lib/services/operations";
import { actorOf, withRole } from "@/lib/services/session";

type Ctx = { params: Promise<{ id: string }> };

/** The operation from query parameters: kind, threads, channel, on (true/false), targetId. */
function fromQuery(url: URL) {
  const q = Object.fromEntries(url.searchParams);
  return operationSchema.safeParse({ ...q, on: q.on === undefined ? undefined : q.on === "true" });
}

/** GET ?kind=stop&threads=io → `{ serverName, operation, plan: { summary, statements, warnings } }` or 409 with the reason. */
export async function GET(req: Request, ctx: Ctx) {
  return withRole(req, "operator", async () => {
    const op = fromQuery(new URL(req.url));
    if (!op.success) return Response.json({ error: "Unknown operation: give kind (start, stop, skip, read_only, repoint) and its options." }, { status: 400 });
    return respond(await previewOperation((await ctx.params).id, op.data));
  });
}

/** POST `{ operation, confirm: { serverName, statements } }` (the statements as previewed) → what ran and where the server stands. */
export async function POST(req: Request, ctx: Ctx) {
  return withRole(req, "operator", async (p, address) => {
    const body = await readJsonObject(req);
    const op = operationSchema.safeParse(body?.operation);
    const confirm = body?.confirm as { serverName?: unknown; statements?: unknown } | undefined;
    if (!body || !op.success || typeof confirm?.serverName !== "string" || !Array.isArray(confirm.statements)) return badBody();
    const r = await runOperation((await ctx.params).id, op.data, { serverName: confirm.serverName, statements: confirm.statements.map(String) }, { actor: actorOf(p), address });
    return respond(r);
  });
}
