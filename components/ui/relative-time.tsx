"use client";
// "12 s ago" that keeps itself current; the exact time is in the tooltip.
import { useSyncExternalStore } from "react";

/** Formats an age in seconds as "just now", "12 s ago", "5 min ago", "3 h ago" or "2 d ago". */
export function formatAge(seconds: number): string {
  if (seconds < 2) return "just now";
  if (seconds < 90) return `${Math.round(seconds)} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 129600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

// One clock for every RelativeTime on the page: ticks each second while any is shown; null on the server and while
// hydrating (the first client render must match the server's HTML).
let clock: number | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function tick() {
  clock = Date.now();
  for (const l of listeners) l();
}
function subscribe(onTick: () => void): () => void {
  listeners.add(onTick);
  if (!timer) {
    clock = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Renders a timestamp's age, re-rendering every second. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(subscribe, () => clock, () => null);
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {now === null ? new Date(iso).toISOString().slice(11, 19) + " UTC" : formatAge((now - Date.parse(iso)) / 1000)}
    </time>
  );
}
