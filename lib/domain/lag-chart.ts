// Turns lag samples into SVG path data for a chart: gaps where lag was unknown, never drawn as zero (pure).

/** A lag reading: epoch seconds and lag in seconds (null = unknown). */
export interface ChartPoint {
  at: number;
  lag: number | null;
}

/** Scaled series ready to draw: one path per run of known values, plus the unknown stretches to shade. */
export interface ChartGeometry {
  paths: string[];
  unknown: { x: number; width: number }[];
  maxLag: number;
  ticks: number[];
}

/** A "nice" axis top (1, 2, 5 × 10^n) at or above `v`. */
export function niceCeiling(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}

/** Lays points on a width×height canvas over [from, to]; a null lag breaks the line and is shaded instead, and so does a
 * silence longer than `maxGapSeconds` between two samples (the poller was not writing: unknown, never interpolated). */
export function chartGeometry(points: ChartPoint[], from: number, to: number, width: number, height: number, axisTop?: number, maxGapSeconds = Infinity): ChartGeometry {
  const known = points.filter((p) => p.lag !== null).map((p) => p.lag as number);
  const maxLag = axisTop ?? niceCeiling(Math.max(1, ...known));
  const x = (at: number) => ((at - from) / Math.max(1, to - from)) * width;
  const y = (lag: number) => height - (lag / maxLag) * height;
  const paths: string[] = [];
  const unknown: { x: number; width: number }[] = [];
  let current: string[] = [];
  let unknownStart: number | null = null;
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (p.lag !== null && prev && prev.lag !== null && p.at - prev.at > maxGapSeconds) {
      paths.push(current.join(" "));
      current = [];
      unknownStart = x(prev.at);
    }
    if (p.lag === null) {
      if (current.length) paths.push(current.join(" "));
      current = [];
      unknownStart ??= x(p.at);
      return;
    }
    if (unknownStart !== null) unknown.push({ x: unknownStart, width: Math.max(1, x(p.at) - unknownStart) });
    unknownStart = null;
    current.push(`${current.length ? "L" : "M"}${x(p.at).toFixed(1)},${y(p.lag).toFixed(1)}`);
    if (i === points.length - 1) paths.push(current.join(" "));
  });
  if (unknownStart !== null) unknown.push({ x: unknownStart, width: Math.max(1, x(points.at(-1)!.at) - unknownStart) });
  return { paths, unknown, maxLag, ticks: [0, maxLag / 2, maxLag] };
}

/** Chart ranges in seconds. */
export const RANGES = { hour: 3600, day: 86_400, week: 604_800 } as const;
export type RangeName = keyof typeof RANGES;

/** Axis steps a time axis may use (seconds). */
const TIME_STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800];

/** Time-axis ticks over [from, to]: the smallest step giving at most `maxTicks`, aligned to whole steps (in the given UTC offset). */
export function timeTicks(from: number, to: number, maxTicks = 6, utcOffsetMinutes = 0): { step: number; ticks: number[] } {
  const step = TIME_STEPS.find((s) => (to - from) / s <= maxTicks) ?? TIME_STEPS.at(-1)!;
  const offset = utcOffsetMinutes * 60;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  return { step, ticks };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A tick label: "14:05" within a day, "12-02" (month-day) for daily steps; in the given UTC offset. */
export function tickLabel(at: number, step: number, utcOffsetMinutes = 0): string {
  const d = new Date((at + utcOffsetMinutes * 60) * 1000);
  return step >= 86_400 ? `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "14:05:09" for a hover readout (in the given UTC offset). */
export function clockLabel(at: number, utcOffsetMinutes = 0): string {
  const d = new Date((at + utcOffsetMinutes * 60) * 1000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The y-axis top: room for the highest lag, the warning threshold and the configured delay (so a healthy replica reads as "far below warning"). */
export function axisTopFor(points: ChartPoint[], warn: number, delay = 0): number {
  const known = points.reduce((m, p) => (p.lag !== null && p.lag > m ? p.lag : m), 0);
  return niceCeiling(Math.max(1, known, warn * 1.2, delay * 1.2));
}

/** The y of a lag value on a canvas of `height` with axis top `top` (clamped to the canvas). */
export function lagY(lag: number, top: number, height: number): number {
  return Math.max(0, Math.min(height, height - (lag / top) * height));
}

/** A sample with where it came from, as the lag API returns it. */
export interface SourcedPoint extends ChartPoint {
  source: string;
  channel?: string;
}

/** What the hover readout says about the time under the pointer: the nearest sample, or "unknown" inside a gap. */
export type HoverReading = { at: number; lag: number; source: string; channel?: string } | { at: number; lag: null; source: string; channel?: string };

/** The nearest sample to `at` (points sorted by time); within `maxGapSeconds` of it, else null (a gap: nothing to read). */
export function readingAt(points: SourcedPoint[], at: number, maxGapSeconds: number): HoverReading | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  const candidates = [points[lo - 1], points[lo]].filter((p): p is SourcedPoint => p !== undefined);
  const best = candidates.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
  if (Math.abs(best.at - at) > maxGapSeconds) return null;
  return { at: best.at, lag: best.lag, source: best.source, channel: best.channel };
}

/** Words for a sample's source: heartbeat, Seconds_Behind, estimated, or unknown (not reachable). */
export function sourceWords(source: string): string {
  return ({ heartbeat: "heartbeat", seconds_behind: "Seconds_Behind", estimated: "estimated" } as Record<string, string>)[source] ?? "unknown (not reachable)";
}

/** True when every known sample is 0 (and there is at least one): the chart then explains why it is flat. */
export function isFlatAtZero(points: ChartPoint[]): boolean {
  const known = points.filter((p) => p.lag !== null);
  return known.length > 0 && known.every((p) => p.lag === 0);
}

/** The usual spacing of samples (median interval, at least 1 s): three of them without a sample is a gap. */
export function typicalInterval(points: ChartPoint[]): number {
  const d = points.slice(1).map((p, i) => p.at - points[i].at).filter((x) => x > 0).sort((a, b) => a - b);
  return d.length ? Math.max(1, d[Math.floor(d.length / 2)]) : 1;
}

/** A sparkline's path from per-bucket lags (null = unknown: a gap), scaled to `top` or to its own maximum. */
export function sparklinePaths(buckets: (number | null)[], width: number, height: number): { paths: string[]; top: number } {
  const g = chartGeometry(buckets.map((lag, i) => ({ at: i, lag })), 0, Math.max(1, buckets.length - 1), width, height);
  return { paths: g.paths, top: g.maxLag };
}
