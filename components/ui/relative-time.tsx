"use client";
// "12 s ago" that keeps itself current; the exact time is in the tooltip.
import { useEffect, useState } from "react";

/** Formats an age in seconds as "just now", "12 s ago", "5 min ago", "3 h ago" or "2 d ago". */
export function formatAge(seconds: number): string {
  if (seconds < 2) return "just now";
  if (seconds < 90) return `${Math.round(seconds)} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 129600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/** Renders a timestamp's age, re-rendering every second. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {now === null ? new Date(iso).toISOString().slice(11, 19) + " UTC" : formatAge((now - Date.parse(iso)) / 1000)}
    </time>
  );
}
