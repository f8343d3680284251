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

/** Lays points on a width×height canvas over [from, to]; a null lag breaks the line and is shaded instead. */
export function chartGeometry(points: ChartPoint[], from: number, to: number, width: number, height: number, axisTop?: number): ChartGeometry {
  const known = points.filter((p) => p.lag !== null).map((p) => p.lag as number);
  const maxLag = axisTop ?? niceCeiling(Math.max(1, ...known));
  const x = (at: number) => ((at - from) / Math.max(1, to - from)) * width;
  const y = (lag: number) => height - (lag / maxLag) * height;
  const paths: string[] = [];
  const unknown: { x: number; width: number }[] = [];
  let current: string[] = [];
  let unknownStart: number | null = null;
  points.forEach((p, i) => {
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
