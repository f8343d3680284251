// The latest failover hook notifications (hook URLs and channels), beside the channels' own last delivery.
import Link from "next/link";
import type { HookDelivery } from "@/lib/services/failover/hooks";
import { RelativeTime } from "../ui/relative-time";

/** One row per notification, newest first: which failover, pre or post, where to, and how its delivery stands. */
export function HookDeliveries({ deliveries }: { deliveries: HookDelivery[] }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Failover hook deliveries">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
        <tr><th className="py-2 pr-3">Failover</th><th className="py-2 pr-3">Hook</th><th className="py-2 pr-3">Sends to</th><th className="py-2">Delivery</th></tr>
      </thead>
      <tbody>
        {deliveries.map((d, i) => (
          <tr key={i} data-failover={d.failoverId} data-event={d.event} className="border-b border-slate-100 align-top dark:border-slate-800/60">
            <td className="py-2 pr-3"><Link href={`/failovers/${d.failoverId}`} className="underline">{d.failoverId}</Link> <RelativeTime iso={d.queuedAt} /></td>
            <td className="py-2 pr-3">{d.event}</td>
            <td className="py-2 pr-3 font-mono text-xs">{d.to}</td>
            <td className={`py-2 text-xs ${d.state.startsWith("delivered") ? "text-emerald-700 dark:text-emerald-400" : d.state === "queued" ? "" : "text-red-600 dark:text-red-400"}`}>{d.state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
