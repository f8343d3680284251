// Copy progress: bytes, tables done / total, rate and a rough ETA.
import { formatDuration } from "@/lib/domain/format";

/** Progress fields the copy step stores. */
export interface CopyProgressData {
  bytes: number;
  tablesDone: number;
  tablesTotal: number;
  currentTable: string | null;
  elapsedMs: number;
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

/** A bar by tables, with the byte rate. */
export function CopyProgressBar({ p }: { p: CopyProgressData }) {
  const share = p.tablesTotal ? Math.min(1, p.tablesDone / p.tablesTotal) : 0;
  const rate = p.elapsedMs ? p.bytes / (p.elapsedMs / 1000) : 0;
  const eta = share > 0.05 ? ((p.elapsedMs / 1000) * (1 - share)) / share : null;
  return (
    <div aria-label="Copy progress" className="space-y-1">
      <div className="h-2 rounded bg-slate-200 dark:bg-slate-800"><div className="h-2 rounded bg-sky-600" style={{ width: `${Math.round(share * 100)}%` }} /></div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {mb(p.bytes)} · {p.tablesDone} / {p.tablesTotal} tables{p.currentTable ? ` · now ${p.currentTable}` : ""} · {mb(rate)}/s{eta !== null ? ` · about ${formatDuration(eta)} left` : ""}
      </p>
    </div>
  );
}
