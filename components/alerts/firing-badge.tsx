"use client";
// The nav's "Alerts" link with the number of firing alerts, which also goes in front of the browser tab's title.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { firingCount, titleWithFiring } from "@/lib/domain/alert-view";
import { useFiringAlerts } from "@/lib/swr/use-alerts";

/** Keeps "(n) firing · " in front of document.title, also after Next changes the title on navigation. */
function useFiringTitle(firing: number) {
  useEffect(() => {
    const apply = () => {
      const next = titleWithFiring(document.title, firing);
      if (next !== document.title) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithFiring(document.title, 0);
    };
  }, [firing]);
}

/** "Alerts" in the main navigation, with a red badge counting firing, unsilenced alerts. */
export function AlertsNavLink() {
  const { data } = useFiringAlerts();
  const firing = firingCount(data?.alerts ?? []);
  const path = usePathname();
  const active = path.startsWith("/alerts");
  useFiringTitle(firing);
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
