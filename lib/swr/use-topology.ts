"use client";
// Live topology (GET /api/topology).
import type { TopologyResponse } from "@/lib/services/topology";
import { useLive } from "./live";

/** Every cluster with its nodes and edges, refreshed every 3 s. */
export const useTopology = (initial: TopologyResponse) => useLive<TopologyResponse>("/api/topology", initial, 3000);
