// The operations preview (GET /api/servers/:id/operations): fetched on demand when the user picks an operation.
import type { PreviewResponse } from "@/lib/services/operations";

/** The preview, or the refusal / error text to show. */
export async function fetchPreview(serverId: string, query: string): Promise<{ ok: true; preview: PreviewResponse } | { ok: false; error: string }> {
  const res = await fetch(`/api/servers/${serverId}/operations?${query}`, { cache: "no-store" });
  const body = (await res.json()) as PreviewResponse | { error?: string };
  return res.ok ? { ok: true, preview: body as PreviewResponse } : { ok: false, error: ("error" in body ? body.error : undefined) ?? `Refused (${res.status}).` };
}
