"use client";
// Navigation links that highlight the current area.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { AlertsNavLink } from "./alerts/firing-badge";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/servers", label: "Servers" },
  { href: "/topology", label: "Topology" },
  { href: "/replicas/new", label: "New replica" },
  { href: "/audit", label: "Audit" },
];

/** The area links (and Alerts with its firing count); the active one is marked for sighted and screen-reader users. */
export function NavLinks() {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1 text-sm md:flex-row">
      {LINKS.map((l) => {
        const active = l.href === "/" ? path === "/" : path.startsWith(l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${active ? "bg-slate-100 font-medium dark:bg-slate-800" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {l.label}
          </Link>
        );
      })}
      <AlertsNavLink />
    </nav>
  );
}
