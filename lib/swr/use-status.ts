"use client";
// Live status: the overview (GET /api/status) and one server (GET /api/servers/:id/status).
import type { OverviewResponse } from "@/lib/services/overview";
import type { ServerStatusResponse, SparklinesResponse, StatusResponse, StatusSummary } from "@/lib/services/status";
import { useLive } from "./live";

/** Every server's status, refreshed every 2 s. */
export const useStatus = (initial: StatusResponse) => useLive<StatusResponse>("/api/status", initial, 2000);

/** The overview's slim rows (only what a row shows), refreshed every 2 s. */
export const useOverviewStatus = (initial: OverviewResponse) => useLive<OverviewResponse>("/api/status/overview", initial, 2000);

/** One server's full status, problems and heartbeat error, refreshed every 2 s. */
export const useServerStatus = (serverId: string, initial: ServerStatusResponse) => useLive<ServerStatusResponse>(`/api/servers/${serverId}/status`, initial, 2000);

const EMPTY_SUMMARY: StatusSummary = { counts: {}, total: 0, stale: 0, checkedAt: null, staleAfterSeconds: 0 };

/** Servers per state and freshness (tab title, favicon on every page), refreshed every 5 s. */
export const useStatusSummary = () => useLive<StatusSummary>("/api/status/summary", EMPTY_SUMMARY, 5000);

const EMPTY_SPARKLINES: SparklinesResponse = { from: 0, bucketSeconds: 60, series: {} };

/** Every server's 15-minute lag sparkline (one request for all), refreshed every 30 s. */
export const useSparklines = () => useLive<SparklinesResponse>("/api/status/sparklines", EMPTY_SPARKLINES, 30_000);
