// A coloured badge for a health state.
import type { HealthState } from "@/lib/domain/health";
import { HEALTH_LABELS } from "@/lib/domain/format";

const COLORS: Record<HealthState, string> = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  lagging: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  critical: "bg-orange-200 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  stopped: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  broken: "bg-red-600 text-white",
  connecting: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  unreachable: "bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-900",
  unknown: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
};

/** Shows a server's or channel's state in words and colour. */
export function StateBadge({ state }: { state: HealthState }) {
  return (
    <span data-state={state} className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${COLORS[state]}`}>
      {HEALTH_LABELS[state]}
    </span>
  );
}
