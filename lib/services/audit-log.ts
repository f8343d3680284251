// Recording app-level changes for the audit trail: one call per use case, with the caller, the target and the result.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import type { Caller } from "@/lib/domain/auth";
import type { FieldErrors } from "@/lib/domain/server-input";

/** Records one change (no-op without a caller: internal calls such as tests and the demo). */
export async function logChange(caller: Caller | undefined, action: string, what: string, o: { serverId?: string | null; serverName?: string | null; error?: string | null } = {}): Promise<void> {
  if (caller) await recordMutation({ ...caller, action, what, ...o });
}

/** An outcome's failure as one line (message and per-field errors), or null when it succeeded. */
export function failureText(r: { ok: true } | { ok: false; error: string; fieldErrors?: FieldErrors }): string | null {
  if (r.ok) return null;
  return [r.error, ...Object.entries(r.fieldErrors ?? {}).map(([k, v]) => `${k}: ${(v ?? []).join(", ")}`)].join(" ");
}
