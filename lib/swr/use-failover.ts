"use client";
// A live failover (GET /api/failovers/:id).
import type { FailoverResponse } from "@/lib/services/failover";
import { useLive } from "./live";

/** The failover with its steps, logs and report, refreshed every second. */
export const useFailover = (initial: FailoverResponse) => useLive<FailoverResponse>(`/api/failovers/${initial.id}`, initial, 1000);
