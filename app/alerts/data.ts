// What the /alerts page renders first (the same shapes GET /api/alerts and GET /api/silences answer).
import "server-only";
import type { AlertView, SilenceView } from "@/lib/domain/alert-view";

/** Every alert and the active silences, as the API shapes them. */
export async function alertsPageData(): Promise<{ alerts: AlertView[]; silences: SilenceView[] }> {
  return Promise.resolve({ alerts: [], silences: [] });
}
