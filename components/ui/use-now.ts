"use client";
// One shared one-second clock for live durations: no render-time Date.now(), no hydration mismatch.
import { useSyncExternalStore } from "react";

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  now = Date.now();
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, updated every second in the browser; null while server-rendering and hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => now, () => null);
}
