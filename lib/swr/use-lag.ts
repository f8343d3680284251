"use client";
// Live lag history of one server (GET /api/servers/:id/lag).
import { useState } from "react";
import { RANGES, type RangeName } from "@/lib/domain/lag-chart";
import type { LagResponse } from "@/lib/services/lag";
import { useLive } from "./live";

/** The samples of the last `range`, refreshed every 5 s (empty until the first answer). */
export function useLag(serverId: string, range: RangeName) {
  const [now] = useState(() => Date.now() / 1000); // only dates the empty placeholder shown before the first answer
  return useLive<LagResponse>(`/api/servers/${serverId}/lag?range=${range}`, { from: now - RANGES[range], to: now, samples: [] }, 5000);
}
