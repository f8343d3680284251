"use client";
// A step's log: statements run (masked), preflight verdicts with their fix and my.cnf lines (with a copy button).
import type { LogLine } from "@/lib/services/bootstrap/context";

const COLOR = { pass: "text-emerald-700 dark:text-emerald-400", warn: "text-amber-700 dark:text-amber-300", fail: "text-red-700 dark:text-red-400" };

/** Log lines of one step. */
export function StepLog({ log }: { log: LogLine[] }) {
  if (!log.length) return null;
  return (
    <ul className="mt-2 space-y-1 text-xs">
      {log.map((l, i) =>
        l.check ? (
          <li key={i} data-check={l.check.id} data-verdict={l.check.status} className={COLOR[l.check.status]}>
            <span className="font-semibold uppercase">{l.check.status}</span> {l.check.message}
            {l.check.fix && <span className="block text-slate-600 dark:text-slate-400">Fix: {l.check.fix}</span>}
            {l.check.config && (
              <span className="mt-1 flex items-start gap-2">
                <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-900 p-2 text-slate-100">{l.check.config}</pre>
                <button type="button" className="rounded border px-2 py-0.5" onClick={() => void navigator.clipboard?.writeText(l.check!.config!)}>Copy</button>
              </span>
            )}
          </li>
        ) : (
          <li key={i} className={`font-mono ${l.error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>
            {l.on ? `[${l.on}] ` : ""}{l.text}{l.ms !== undefined ? ` (${l.ms} ms)` : ""}{l.error ? ` — ${l.error}` : ""}
          </li>
        ),
      )}
    </ul>
  );
}
