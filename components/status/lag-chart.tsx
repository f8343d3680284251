"use client";
// Lag like PMM reads it: time axis, thresholds, configured delay, hover/keyboard readout with the source, gaps never drawn as 0.
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import { axisTopFor, clockLabel, isFlatAtZero, RANGES, type RangeName, readingAt, type SourcedPoint, sourceWords, typicalInterval } from "@/lib/domain/lag-chart";
import { formatDuration } from "@/lib/domain/format";
import { useLag } from "@/lib/swr/use-lag";
import { CHART, channelColor, LagChartSvg, PLOT_W } from "./lag-chart-svg";

const RANGE_LABELS: Record<RangeName, string> = { hour: "1 h", day: "24 h", week: "7 d" };

/** Props: the server, its lag thresholds (seconds) and the largest configured replication delay (0: none). */
export interface LagChartProps {
  serverId: string;
  warn: number;
  crit: number;
  delay: number;
}

function readout(series: { channel: string; points: SourcedPoint[] }[], at: number, maxGap: number, utcOffset: number): string {
  const parts = series.map(({ channel, points }) => {
    const r = readingAt(points, at, maxGap);
    const who = series.length > 1 ? `${channel || "default"}: ` : "";
    if (!r) return `${who}no sample (gap: not polled)`;
    return `${who}${clockLabel(r.at, utcOffset)} · ${r.lag === null ? "lag unknown" : formatDuration(r.lag)} · ${sourceWords(r.lag === null ? "unknown" : r.source)}`;
  });
  return parts.join("; ");
}

/** One line per channel over the chosen range, refreshed every 5 s; hover or arrow keys read a point out. */
export function LagChart({ serverId, warn, crit, delay }: LagChartProps) {
  const [range, setRange] = useState<RangeName>("hour");
  const [cursor, setCursor] = useState<number | null>(null);
  const { data } = useLag(serverId, range);
  const samples = data?.samples ?? [];
  const series = [...new Set(samples.map((s) => s.channel))].map((channel) => ({
    channel, points: samples.filter((s) => s.channel === channel).map((s) => ({ at: s.at, lag: s.lagSeconds, source: s.source, channel })),
  }));
  const all = series.flatMap((s) => s.points);
  const maxGap = 3 * typicalInterval(series[0]?.points ?? []) + 2;
  const top = axisTopFor(all, warn, delay);
  const utcOffset = -new Date().getTimezoneOffset();
  const from = data?.from ?? 0;
  const to = data?.to ?? 0;
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * CHART.W - CHART.left;
    setCursor(from + Math.max(0, Math.min(1, px / PLOT_W)) * (to - from));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const pts = series[0]?.points ?? [];
    if (!pts.length || (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End")) return;
    e.preventDefault();
    const i = cursor === null ? pts.length - 1 : pts.findIndex((p) => p.at >= cursor);
    const next = e.key === "Home" ? 0 : e.key === "End" ? pts.length - 1 : Math.max(0, Math.min(pts.length - 1, (i < 0 ? pts.length - 1 : i) + (e.key === "ArrowLeft" ? -1 : 1)));
    setCursor(pts[next].at);
  };
  return (
    <section aria-label="Lag chart" className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold uppercase text-slate-600 dark:text-slate-400">Lag</h2>
        <div role="group" aria-label="Range" className="ml-auto flex gap-1">
          {(Object.keys(RANGES) as RangeName[]).map((r) => (
            <button key={r} type="button" aria-pressed={r === range} onClick={() => { setRange(r); setCursor(null); }}
              className={`rounded border px-2 py-0.5 text-xs ${r === range ? "border-slate-500 bg-slate-200 font-semibold dark:bg-slate-700" : "border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-300"}`}>
              last {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>
      {all.length > 0 ? (
        <>
          <div tabIndex={0} onKeyDown={onKey} onBlur={() => setCursor(null)} aria-label="Lag chart: use the arrow keys to read values" className="rounded focus:outline-2 focus:outline-sky-600">
            <svg viewBox={`0 0 ${CHART.W} ${CHART.H}`} className="h-auto w-full touch-none" role="img" data-testid="lag-chart"
              aria-label={`Lag over the last ${RANGE_LABELS[range]}, warning at ${formatDuration(warn)}, critical at ${formatDuration(crit)}`}
              onPointerMove={onMove} onPointerDown={onMove} onPointerLeave={(e) => e.pointerType === "mouse" && setCursor(null)}>
              <LagChartSvg series={series} from={from} to={to} top={top} warn={warn} crit={crit} delay={delay} maxGap={maxGap} utcOffset={utcOffset} cursor={cursor} />
            </svg>
          </div>
          <p aria-live="polite" data-testid="lag-readout" className="mt-1 min-h-5 text-sm tabular-nums">
            {cursor === null ? <span className="text-slate-600 dark:text-slate-400">Hover, tap or focus the chart (arrow keys) to read a value.</span> : readout(series, cursor, maxGap, utcOffset)}
          </p>
          {isFlatAtZero(all) && (
            <p data-testid="flat-zero" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Lag has been 0 s over this range: the replica applied every event as soon as it arrived — well below the warning threshold ({formatDuration(warn)}).
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Shaded: not polled or unreachable (lag unknown — never drawn as 0).{delay > 0 && ` Configured delay ${formatDuration(delay)}: lag up to it is by design.`}
            {series.length > 1 && series.map((s, i) => <span key={s.channel} className="ml-3"><span aria-hidden style={{ color: channelColor(i) }}>■</span> channel {s.channel || "default"}</span>)}
          </p>
        </>
      ) : (
        <p className="py-8 text-center text-sm text-slate-600 dark:text-slate-400">No lag samples in this range (the server is not a replica, or has not been polled yet).</p>
      )}
    </section>
  );
}
