"use client";
// Lag over the last hour / day / week; unknown stretches are shaded, never drawn as zero.
import { useState } from "react";
import { chartGeometry, niceCeiling, RANGES, type RangeName } from "@/lib/domain/lag-chart";
import { formatDuration } from "@/lib/domain/format";
import { useLag } from "@/lib/swr/use-lag";

const W = 720;
const H = 160;
const COLORS = ["#0284c7", "#7c3aed", "#059669", "#db2777"];

/** One line per channel over the chosen range, refreshed every 5 s. */
export function LagChart({ serverId }: { serverId: string }) {
  const [range, setRange] = useState<RangeName>("hour");
  const { data } = useLag(serverId, range);
  const channels = [...new Set(data?.samples.map((s) => s.channel))];
  const all = (data?.samples ?? []).map((s) => s.lagSeconds ?? 0);
  const top = niceCeiling(Math.max(1, ...all));
  return (
    <section aria-label="Lag chart" className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="mb-2 flex items-center gap-2">
        <h2 className="text-sm font-semibold uppercase text-slate-500">Lag</h2>
        <div role="group" aria-label="Range" className="ml-auto flex gap-1">
          {(Object.keys(RANGES) as RangeName[]).map((r) => (
            <button key={r} type="button" aria-pressed={r === range} onClick={() => setRange(r)} className={`rounded px-2 py-0.5 text-xs ${r === range ? "bg-slate-200 font-semibold dark:bg-slate-700" : "text-slate-500"}`}>
              last {r}
            </button>
          ))}
        </div>
      </div>
      {data && data.samples.length > 0 ? (
        <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full" role="img" aria-label={`Lag over the last ${range}`}>
          {channels.map((ch, i) => {
            const pts = data.samples.filter((s) => s.channel === ch).map((s) => ({ at: s.at, lag: s.lagSeconds }));
            const g = chartGeometry(pts, data.from, data.to, W, H, top);
            return (
              <g key={ch}>
                {i === 0 && g.unknown.map((u, k) => <rect key={k} x={u.x} y={0} width={u.width} height={H} fill="currentColor" opacity={0.08}><title>lag unknown</title></rect>)}
                {g.paths.map((d, k) => <path key={k} d={d} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={1.5} />)}
              </g>
            );
          })}
          <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} stroke="currentColor" opacity={0.2} />
          <text x={4} y={12} fontSize={11} fill="currentColor" opacity={0.6}>axis top {formatDuration(top)}</text>
        </svg>
      ) : (
        <p className="py-8 text-center text-sm text-slate-500">No lag samples in this range (the server is not a replica, or has not been polled yet).</p>
      )}
      {channels.length > 1 && <p className="mt-1 text-xs text-slate-500">{channels.map((c, i) => <span key={c} style={{ color: COLORS[i % COLORS.length] }} className="mr-3">■ {c || "default"}</span>)}</p>}
    </section>
  );
}
