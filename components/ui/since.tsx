"use client";
// "broken · 12 min": what holds and for how long, kept current; the exact start is in the tooltip.
import { durationSince } from "@/lib/domain/alert-view";
import { useNow } from "./use-now";

/** Props: what holds (optional), since when (ISO), and when it ended (ISO, for resolved alerts). */
export interface SinceProps {
  what?: string;
  iso: string;
  until?: string | null;
  className?: string;
}

/** Renders "what · duration" (or just the duration), re-rendering every second. */
export function Since({ what, iso, until, className }: SinceProps) {
  const now = useNow();
  const duration = now === null && !until ? `since ${new Date(iso).toISOString().slice(11, 16)} UTC` : durationSince(iso, now ?? 0, until);
  return (
    <time dateTime={iso} data-since={iso} title={`since ${new Date(iso).toLocaleString()}`} className={className}>
      {what ? `${what} · ${duration}` : duration}
    </time>
  );
}

/** "in 45 min (10:30)": how long until a future time, kept current; "ended" once it has passed. */
export function Until({ iso }: { iso: string }) {
  const now = useNow();
  const end = Date.parse(iso);
  const at = new Date(iso).toISOString().slice(11, 16);
  const text = now === null ? `at ${at} UTC` : end <= now ? "ended" : `in ${durationSince(new Date(now).toISOString(), end)}`;
  return <time dateTime={iso} title={new Date(iso).toLocaleString()}>{text}</time>;
}
