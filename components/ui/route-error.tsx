"use client";
// The error boundary body for every data route: says what failed and offers a retry, never a stack trace.
import { useEffect } from "react";

/** Shown when a page's data could not be loaded (e.g. our own database is unavailable). */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error("replscope: page failed", error.digest ?? ""), [error]);
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">This page could not be loaded.</p>
      <p className="mt-1">replscope could not read its own data. {error.digest ? `Reference: ${error.digest}.` : ""}</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md border border-red-300 px-3 py-1">Try again</button>
    </div>
  );
}
