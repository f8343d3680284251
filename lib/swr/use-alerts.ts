"use client";
// Live alerts: GET /api/alerts for the /alerts page (every state) and the nav badge (firing only).
import type { AlertView } from "@/lib/domain/alert-view";
import { useLive } from "./live";

/** What GET /api/alerts returns. */
export interface AlertsResponse {
  alerts: AlertView[];
}

const EMPTY: AlertsResponse = { alerts: [] };

/** Every alert (pending, firing, recently resolved), refreshed every 2 s from the server-rendered list. */
export const useAlerts = (initial: AlertsResponse) => useLive<AlertsResponse>("/api/alerts", initial, 2000);

/** Only the firing alerts (what the nav badge and the tab title count), refreshed every 5 s. */
export const useFiringAlerts = () => useLive<AlertsResponse>("/api/alerts?state=firing", EMPTY, 5000);
