// The notification channels: kind, where to, filters, and the last delivery's result and error.
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind } from "@/lib/domain/alert-forms";
import type { ChannelView } from "@/lib/domain/alert-view";
import { RelativeTime } from "../ui/relative-time";
import { ChannelControls } from "./channel-forms";

const kindLabel = (k: string) => ((CHANNEL_KINDS as readonly string[]).includes(k) ? CHANNEL_KIND_LABELS[k as ChannelKind] : k);

/** Where a channel sends, without any secret: the URL, or the SMTP server and recipients. */
function target(c: ChannelView): string {
  if (c.kind === "email") return `${c.to.join(", ")} via ${c.smtp ? `${c.smtp.host}:${c.smtp.port}` : "?"}`;
  return c.url ?? "—";
}

/** One row per channel, with test, edit and delete. */
export function ChannelsTable({ channels }: { channels: ChannelView[] }) {
  if (channels.length === 0) return <p className="text-sm text-slate-500">No channels yet: alerts are shown here but sent nowhere.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
        <tr><th className="py-2 pr-3">Channel</th><th className="py-2 pr-3">Sends to</th><th className="py-2 pr-3">Filters</th><th className="py-2 pr-3">Last delivery</th><th className="py-2" /></tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.id} data-channel={c.name} className="border-b border-slate-100 align-top dark:border-slate-800/60">
            <td className="py-2 pr-3"><div className="font-medium">{c.name}</div><div className="text-xs text-slate-500" data-col="kind">{c.kind} · {kindLabel(c.kind)}</div></td>
            <td className="py-2 pr-3 break-all font-mono text-xs">{target(c)}{c.kind === "webhook" && <div className="font-sans text-slate-500">{c.hasSecret ? "signed (secret set)" : "unsigned"}</div>}</td>
            <td className="py-2 pr-3 text-xs">{c.minSeverity === "critical" ? "critical only" : "warning and critical"}<div className="text-slate-500">{c.clusters.length ? `clusters: ${c.clusters.join(", ")}` : "all clusters"}</div></td>
            <td className="py-2 pr-3 text-xs" data-col="last-delivery">
              {c.lastAttemptAt ? (
                <>
                  <span className={c.lastResult === "ok" ? "text-emerald-700 dark:text-emerald-400" : "font-semibold text-red-600 dark:text-red-400"}>{c.lastResult === "ok" ? "delivered" : "failed"}</span> <RelativeTime iso={c.lastAttemptAt} />
                  {c.lastError && <div className="break-all text-red-600 dark:text-red-400">{c.lastError}</div>}
                </>
              ) : <span className="text-slate-500">nothing sent yet</span>}
            </td>
            <td className="py-2"><ChannelControls channel={c} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
