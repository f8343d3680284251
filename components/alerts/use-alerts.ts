"use client";
// SWR hook for GET /api/alerts: every alert (pending, firing, recently resolved), polled like the status board.
import type { AlertView } from "@/lib/domain/alert-view";
import { useLive } from "../status/use-status";

/** What GET /api/alerts returns. */
export interface AlertsPayload {
  alerts: AlertView[];
}

const EMPTY: AlertsPayload = { alerts: [] };

/** Polls /api/alerts (every alert, all states), starting from server-rendered data when given. */
export function useAlerts(initial: AlertsPayload = EMPTY, intervalMs = 2000) {
  return useLive<AlertsPayload>("/api/alerts", initial, intervalMs);
}

/** Polls only the firing alerts (the nav badge and the tab title need nothing else). */
export function useFiringAlerts(intervalMs = 5000) {
  return useLive<AlertsPayload>("/api/alerts?state=firing", EMPTY, intervalMs);
}
