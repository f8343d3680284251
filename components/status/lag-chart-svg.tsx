// The lag chart's drawing: time axis with labels, lag axis, warning/critical thresholds, configured delay, gaps shaded.
import { chartGeometry, lagY, tickLabel, timeTicks, type SourcedPoint } from "@/lib/domain/lag-chart";
import { formatDuration } from "@/lib/domain/format";

export const CHART = { W: 720, H: 200, left: 52, right: 8, top: 8, bottom: 22 } as const;
export const PLOT_W = CHART.W - CHART.left - CHART.right;
export const PLOT_H = CHART.H - CHART.top - CHART.bottom;
const COLORS = ["#0369a1", "#7c3aed", "#047857", "#be185d"];

/** What to draw: per channel points, the window, the axis top, thresholds, delay, the hovered time (or null). */
export interface ChartSvgProps {
  series: { channel: string; points: SourcedPoint[] }[];
  from: number;
  to: number;
  top: number;
  warn: number;
  crit: number;
  delay: number;
  maxGap: number;
  utcOffset: number;
  cursor: number | null;
}

function Threshold({ value, top, label, color, dash }: { value: number; top: number; label: string; color: string; dash: string }) {
  if (value > top) return null;
  const y = CHART.top + lagY(value, top, PLOT_H);
  return (
    <g data-threshold={label.split(" ")[0]}>
      <line x1={CHART.left} x2={CHART.W - CHART.right} y1={y} y2={y} stroke={color} strokeDasharray={dash} strokeWidth={1.25} />
      <text x={CHART.W - CHART.right - 4} y={y - 3} textAnchor="end" fontSize={11} fill={color}>{label}</text>
    </g>
  );
}

/** The SVG itself (no state): the component around it handles ranges, hover and keyboard. */
export function LagChartSvg({ series, from, to, top, warn, crit, delay, maxGap, utcOffset, cursor }: ChartSvgProps) {
  const { step, ticks } = timeTicks(from, to, 6, utcOffset);
  const x = (at: number) => CHART.left + ((at - from) / Math.max(1, to - from)) * PLOT_W;
  return (
    <g>
      {[0, top / 2, top].map((v) => {
        const y = CHART.top + lagY(v, top, PLOT_H);
        return (
          <g key={v}>
            <line x1={CHART.left} x2={CHART.W - CHART.right} y1={y} y2={y} stroke="currentColor" opacity={0.12} />
            <text x={CHART.left - 6} y={y + 4} textAnchor="end" fontSize={11} fill="currentColor">{formatDuration(v)}</text>
          </g>
        );
      })}
      {ticks.map((t) => (
        <g key={t} data-tick={tickLabel(t, step, utcOffset)}>
          <line x1={x(t)} x2={x(t)} y1={CHART.top} y2={CHART.top + PLOT_H + 4} stroke="currentColor" opacity={0.12} />
          <text x={x(t)} y={CHART.H - 6} textAnchor="middle" fontSize={11} fill="currentColor">{tickLabel(t, step, utcOffset)}</text>
        </g>
      ))}
      <Threshold value={warn} top={top} label={`warning ${formatDuration(warn)}`} color="#b45309" dash="6 4" />
      <Threshold value={crit} top={top} label={`critical ${formatDuration(crit)}`} color="#b91c1c" dash="2 3" />
      {delay > 0 && <Threshold value={delay} top={top} label={`configured delay ${formatDuration(delay)}`} color="#475569" dash="1 5" />}
      {series.map(({ channel, points }, i) => {
        const g = chartGeometry(points, from, to, PLOT_W, PLOT_H, top, maxGap);
        return (
          <g key={channel} transform={`translate(${CHART.left} ${CHART.top})`} data-channel={channel}>
            {i === 0 && g.unknown.map((u, k) => <rect key={k} data-gap x={u.x} y={0} width={u.width} height={PLOT_H} fill="currentColor" opacity={0.1} />)}
            {g.paths.map((d, k) => <path key={k} d={d} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={1.75} />)}
          </g>
        );
      })}
      {cursor !== null && <line x1={x(cursor)} x2={x(cursor)} y1={CHART.top} y2={CHART.top + PLOT_H} stroke="currentColor" opacity={0.5} />}
    </g>
  );
}

/** The colour of the i-th channel's line (for the legend). */
export const channelColor = (i: number) => COLORS[i % COLORS.length];
