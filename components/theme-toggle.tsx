"use client";
// Switches between light and dark themes and remembers the choice.
import { useEffect, useState } from "react";

/** A button that toggles the `dark` class on <html>. */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains("dark")), []);
  const toggle = () => {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem("theme", next ? "dark" : "light");
    } catch {}
    setDark(next);
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
