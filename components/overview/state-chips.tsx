// The count chips: how many servers are in each state; pressing one filters to it (several may be pressed).
import { HEALTH_ORDER, type HealthState } from "@/lib/domain/health";
import { StateBadge } from "../status/state-badge";

/** Toggle buttons, one per state present, with the count and the state's name. */
export function StateChips({ counts, selected, onToggle }: { counts: Partial<Record<HealthState, number>>; selected: HealthState[]; onToggle: (s: HealthState) => void }) {
  const states = HEALTH_ORDER.filter((s) => (counts[s] ?? 0) > 0 || selected.includes(s));
  return (
    <ul aria-label="Servers by state (press to filter)" className="flex flex-wrap gap-2">
      {states.map((state) => (
        <li key={state} data-count={state}>
          <button type="button" aria-pressed={selected.includes(state)} onClick={() => onToggle(state)}
            className={`flex items-center gap-2 rounded-md border px-3 py-1.5 ${selected.includes(state) ? "border-sky-700 ring-2 ring-sky-700 dark:border-sky-400 dark:ring-sky-400" : "border-slate-200 dark:border-slate-800"}`}>
            <span className="text-xl font-semibold">{counts[state] ?? 0}</span> <StateBadge state={state} />
            {selected.includes(state) && <span className="text-xs">✓ filtering</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
