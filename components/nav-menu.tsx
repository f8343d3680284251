"use client";
// The header's menu on phones: one button opens the links; on wider screens the same links sit in the bar.
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

/** Wraps the header's links: hidden behind "Menu" below the md breakpoint, inline above it. Escape or a navigation closes it. */
export function NavMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const path = usePathname();
  if (open && openedAt !== path) setOpen(false); // navigated: close (adjust state during render, no effect needed)
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => {
          setOpen(!open);
          setOpenedAt(path);
        }}
        className="ml-auto rounded-md border border-slate-300 px-2.5 py-1 text-sm md:hidden dark:border-slate-700"
      >
        {open ? "✕ Close" : "☰ Menu"}
      </button>
      <div
        id="main-menu"
        data-open={open}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-slate-200 pt-3 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:border-0 md:pt-0 dark:border-slate-800`}
      >
        {children}
      </div>
    </>
  );
}
