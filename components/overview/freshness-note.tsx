// Says so when the data is stale: the poller has stopped (no check for a while) or is behind (some servers not checked).
import { shortDuration } from "@/lib/domain/alert-view";
import { pollerHealth } from "@/lib/domain/glance";
import { useNow } from "../ui/use-now";

/** A status line under the heading; nothing while the data is fresh. */
export function FreshnessNote({ checkedAt, stale, total, staleAfterSeconds }: { checkedAt: string | null; stale: number; total: number; staleAfterSeconds: number }) {
  const now = useNow();
  if (now === null) return null;
  const h = pollerHealth(checkedAt, stale, total, now, staleAfterSeconds);
  if (h.kind === "fresh") return null;
  const text = h.kind === "stopped"
    ? `Data is stale: ${h.ageSeconds === null ? "no server has been checked yet" : `the newest check is ${shortDuration(h.ageSeconds)} old`} — the poller looks stopped.`
    : `Data is partly stale: ${h.staleServers} server${h.staleServers === 1 ? "" : "s"} not checked for over ${shortDuration(staleAfterSeconds)} — the poller is behind.`;
  return <p role="status" data-testid="freshness" data-kind={h.kind} className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">⚠ {text}</p>;
}
