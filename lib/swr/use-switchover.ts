"use client";
// A live switchover (GET /api/switchovers/:id).
import type { SwitchoverResponse } from "@/lib/services/switchover";
import { useLive } from "./live";

/** The switchover with its steps and logs, refreshed every second. */
export const useSwitchover = (initial: SwitchoverResponse) => useLive<SwitchoverResponse>(`/api/switchovers/${initial.id}`, initial, 1000);
