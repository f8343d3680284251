"use client";
// Live status: the overview (GET /api/status) and one server (GET /api/servers/:id/status).
import type { ServerStatusResponse, StatusResponse } from "@/lib/services/status";
import { useLive } from "./live";

/** Every server's status, refreshed every 2 s. */
export const useStatus = (initial: StatusResponse) => useLive<StatusResponse>("/api/status", initial, 2000);

/** One server's full status, problems and heartbeat error, refreshed every 2 s. */
export const useServerStatus = (serverId: string, initial: ServerStatusResponse) => useLive<ServerStatusResponse>(`/api/servers/${serverId}/status`, initial, 2000);
