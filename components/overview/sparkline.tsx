// A 15-minute lag sparkline: one value per minute, gaps where lag was unknown (never drawn as 0).
import { formatDuration } from "@/lib/domain/format";
import { sparklinePaths } from "@/lib/domain/lag-chart";

const W = 90;
const H = 22;

/** Draws the series, or a dash when nothing is known; the label says the worst value in words. */
export function Sparkline({ series }: { series: (number | null)[] | undefined }) {
  const known = (series ?? []).filter((v): v is number => v !== null);
  if (!series || known.length === 0) return <span className="text-xs text-slate-500 dark:text-slate-400" data-sparkline="none">no lag history</span>;
  const { paths } = sparklinePaths(series, W, H - 2);
  const label = `lag over the last 15 min: at most ${formatDuration(Math.max(...known))}${known.length < series.length ? ", unknown in places" : ""}`;
  return (
    <svg viewBox={`0 -1 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} data-sparkline="lag" className="text-sky-700 dark:text-sky-400">
      <title>{label}</title>
      <line x1={0} y1={H - 2} x2={W} y2={H - 2} stroke="currentColor" opacity={0.25} />
      {paths.map((d, i) => <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth={1.5} />)}
    </svg>
  );
}
