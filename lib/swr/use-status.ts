"use client";
// Live status: the overview (GET /api/status/overview), one server (GET /api/servers/:id/status), the glance, sparklines.
import useSWR from "swr";
import type { OverviewResponse } from "@/lib/services/overview";
import type { ServerStatusResponse, SparklinesResponse, StatusResponse, StatusSummary } from "@/lib/services/status";
import { fetchJson, useLive } from "./live";

/** Every server's status, refreshed every 2 s. */
export const useStatus = (initial: StatusResponse) => useLive<StatusResponse>("/api/status", initial, 2000);

/** One page of the overview for `query` (pageRequestQuery), refreshed every 2 s; the last page stays shown while another loads. */
export const useOverviewStatus = (query: string, initial: OverviewResponse) => useLive<OverviewResponse>(`/api/status/overview${query}`, initial, 2000);

/** One server's full status, problems and heartbeat error, refreshed every 2 s. */
export const useServerStatus = (serverId: string, initial: ServerStatusResponse) => useLive<ServerStatusResponse>(`/api/servers/${serverId}/status`, initial, 2000);

const EMPTY_SUMMARY: StatusSummary = { counts: {}, total: 0, stale: 0, checkedAt: null, staleAfterSeconds: 0 };

/** Servers per state and freshness (tab title, favicon on every page), refreshed every 5 s. */
export const useStatusSummary = () => useLive<StatusSummary>("/api/status/summary", EMPTY_SUMMARY, 5000);

/** Ids per sparkline request (keeps each URL short). */
const IDS_PER_REQUEST = 150;

async function fetchSparklines([, joined]: [string, string]): Promise<SparklinesResponse> {
  const ids = joined.split(",");
  const parts = await Promise.all(
    Array.from({ length: Math.ceil(ids.length / IDS_PER_REQUEST) }, (_, i) =>
      fetchJson<SparklinesResponse>(`/api/status/sparklines?ids=${ids.slice(i * IDS_PER_REQUEST, (i + 1) * IDS_PER_REQUEST).map(encodeURIComponent).join(",")}`)),
  );
  const series: SparklinesResponse["series"] = {};
  for (const p of parts) Object.assign(series, p.series);
  return { ...parts[0], series };
}

/** The 15-minute lag sparklines of the drawn rows `ids` only, refreshed every 30 s (none asked for when nothing is drawn). */
export function useSparklines(ids: string[]) {
  const joined = [...ids].sort().join(",");
  return useSWR<SparklinesResponse, Error, [string, string] | null>(joined ? ["sparklines", joined] : null, fetchSparklines, { refreshInterval: 30_000, keepPreviousData: true });
}
