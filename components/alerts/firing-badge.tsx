"use client";
// The nav's "Alerts" link with the number of firing alerts (the tab title counts them too: components/glance-state.tsx).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { firingCount } from "@/lib/domain/alert-view";
import { useFiringAlerts } from "@/lib/swr/use-alerts";

/** "Alerts" in the main navigation, with a red badge counting firing, unsilenced alerts. */
export function AlertsNavLink() {
  const { data } = useFiringAlerts();
  const firing = firingCount(data?.alerts ?? []);
  const path = usePathname();
  const active = path.startsWith("/alerts");
  return (
    <Link
      href="/alerts"
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-1.5 rounded-md px-3 py-1.5 ${active ? "bg-slate-100 font-medium dark:bg-slate-800" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
    >
      Alerts
      {firing > 0 && (
        <span data-testid="firing-count" aria-label={`${firing} firing`} className="rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white">
          {firing}
        </span>
      )}
    </Link>
  );
}
