"use client";
// Switches between light and dark themes and remembers the choice.
import { useSyncExternalStore } from "react";

/** Follows the `dark` class on <html> (set before hydration by the layout's theme script, and by the button). */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains("dark");
const unknownOnServer = () => null;

/** A button that toggles the `dark` class on <html>. */
export function ThemeToggle() {
  const dark = useSyncExternalStore<boolean | null>(subscribe, isDark, unknownOnServer);
  const toggle = () => {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem("theme", next ? "dark" : "light");
    } catch {}
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-700"
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
    >
      {dark ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
