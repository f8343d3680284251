"use client";
// A live replica-wizard run (GET /api/bootstrap-runs/:id).
import type { RunResponse } from "@/lib/services/bootstrap/runs";
import { useLive } from "./live";

/** The run with its steps, logs and dry-run plan, refreshed every second. */
export const useRun = (initial: RunResponse) => useLive<RunResponse>(`/api/bootstrap-runs/${initial.run.id}`, initial, 1000);
