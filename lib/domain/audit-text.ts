// How app-level changes read in the audit trail: field names and safe values, never a password.
import { cellText } from "./cell-text";

const SECRET = /pass|secret|token/i;

/** "name=db-1, host=10.0.0.5, port=3306, user=monitor, password=(set)" — the input as it was sent, secrets hidden. */
export function describeInput(raw: unknown): string {
  if (!raw || typeof raw !== "object") return "(no input)";
  return Object.entries(raw as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${k}=${SECRET.test(k) ? "(set)" : Array.isArray(v) ? v.join("|") : typeof v === "object" ? "{…}" : cellText(v).slice(0, 120)}`)
    .join(", ");
}
