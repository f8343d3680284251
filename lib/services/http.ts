// JSON helpers for route handlers: read a body safely, turn an Outcome into a response.
import "server-only";
import type { Outcome } from "./servers";

/** Parses a JSON object body; null when the body is not a JSON object. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await req.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** 400 for a body that is not a JSON object. */
export function badBody(): Response {
  return Response.json({ error: "The request body must be a JSON object." }, { status: 400 });
}

/** Sends the outcome's value with `okStatus`, or `{error, fieldErrors}` with its status. */
export function respond<T>(outcome: Outcome<T>, okStatus = 200, pick: (v: T) => unknown = (v) => v): Response {
  if (outcome.ok) return Response.json(pick(outcome.value), { status: okStatus, headers: { "Cache-Control": "no-store" } });
  const { error, fieldErrors } = outcome;
  return Response.json(fieldErrors ? { error, fieldErrors } : { error }, { status: outcome.status });
}
