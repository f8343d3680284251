// A coloured badge for a connection test's outcome.
import { CHECK_LABELS, type CheckStatus } from "@/lib/domain/connection-check";

const COLORS: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  none: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
  bad: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** Shows "ok", "access denied", "timed out"… or "not tested". */
export function CheckBadge({ status, title }: { status?: string | null; title?: string }) {
  const label = status ? (CHECK_LABELS[status as CheckStatus] ?? status) : "not tested";
  const color = !status ? COLORS.none : status === "ok" ? COLORS.ok : COLORS.bad;
  return (
    <span title={title} data-status={status ?? "none"} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${color}`}>
      {label}
    </span>
  );
}
