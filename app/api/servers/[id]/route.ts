// GET / PATCH / DELETE one server of the registry.
import type { Caller } from "@/lib/domain/auth";
import { withCaller, withRole } from "@/lib/services/session";
import { findServer } from "@/lib/data/servers";
import { badBody, readJsonObject, respond } from "@/lib/services/http";
import { deleteServer, updateServer } from "@/lib/services/servers";

type Ctx = { params: Promise<{ id: string }> };

/** One server, secrets omitted; 404 when unknown. */
async function getHandler(_req: Request, { params }: Ctx) {
  const server = await findServer((await params).id);
  return server ? Response.json(server, { headers: { "Cache-Control": "no-store" } }) : Response.json({ error: "No such server." }, { status: 404 });
}

/** GET, for callers with at least the viewer role (401 / 403 otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withRole(req, "viewer", () => getHandler(req, ctx));
}

/** Partial update; re-tests the connection when host, port, user, password or TLS changed. */
async function patchHandler(req: Request, { params }: Ctx, caller: Caller) {
  const body = await readJsonObject(req);
  if (!body) return badBody();
  return respond(await updateServer((await params).id, body, caller), 200, (v) => ({ ...v.server, check: v.check }));
}

/** PATCH, for callers with at least the admin role (401 / 403 otherwise). */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "admin", (caller) => patchHandler(req, ctx, caller));
}

/** Removes the server from the registry. */
async function deleteHandler(_req: Request, { params }: Ctx, caller: Caller) {
  return respond(await deleteServer((await params).id, caller));
}

/** DELETE, for callers with at least the admin role (401 / 403 otherwise). */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withCaller(req, "admin", (caller) => deleteHandler(req, ctx, caller));
}
