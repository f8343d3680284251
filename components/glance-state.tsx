"use client";
// The browser tab reflects the fleet: "(2) broken · replscope" in the title and a favicon whose shape and colour follow the worst state.
import { useEffect } from "react";
import { firingCount } from "@/lib/domain/alert-view";
import { faviconDataUrl, glanceTitle, worstOfCounts } from "@/lib/domain/glance";
import type { HealthState } from "@/lib/domain/health";
import { useFiringAlerts } from "@/lib/swr/use-alerts";
import { useStatusSummary } from "@/lib/swr/use-status";

/** Keeps the worst state (and firing alerts) in front of document.title, also after Next changes the title on navigation. */
function useGlanceTitle(state: HealthState | null, count: number, firing: number) {
  useEffect(() => {
    const worst = state ? { state, count } : null;
    const apply = () => {
      const next = glanceTitle(document.title, worst, firing);
      if (next !== document.title) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = glanceTitle(document.title, null, 0);
    };
  }, [state, count, firing]);
}

/** Points the page's icon at an SVG data: URL drawn for the worst state (the CSP allows data: images). */
function useGlanceFavicon(worst: HealthState | null) {
  useEffect(() => {
    let link = document.querySelector<HTMLLinkElement>('link[data-glance="favicon"]');
    if (!link) {
      link = document.createElement("link");
      link.rel = "icon";
      link.type = "image/svg+xml";
      link.dataset.glance = "favicon";
      document.head.appendChild(link);
    }
    link.href = faviconDataUrl(worst);
    link.dataset.state = worst ?? "ok";
  }, [worst]);
}

/** Renders nothing; sets the tab title and favicon from the status summary and the firing alerts. */
export function GlanceState() {
  const { data } = useStatusSummary();
  const { data: alerts } = useFiringAlerts();
  const worst = worstOfCounts(data?.counts ?? {});
  const firing = firingCount(alerts?.alerts ?? []);
  useGlanceTitle(worst?.state ?? null, worst?.count ?? 0, firing);
  useGlanceFavicon(worst?.state ?? null);
  return null;
}
