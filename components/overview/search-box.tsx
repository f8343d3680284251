// The overview's search field; "/" anywhere on the page (outside another field) focuses it.
import { useEffect, useRef } from "react";

/** A labelled search input bound to `value`. */
export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t?.closest("input, textarea, select, [contenteditable]")) return;
      e.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
      <span className="sr-only">Search servers by name, host, cluster or tag</span>
      <input ref={ref} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder="Search name, host, cluster, tag…  ( / )"
        aria-keyshortcuts="/" className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900" />
    </label>
  );
}
