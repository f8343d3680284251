// Lag history of one server for the chart: the shape of GET /api/servers/:id/lag.
import "server-only";
import { findServer } from "@/lib/data/servers";
import { type LagPoint, lagSamples } from "@/lib/data/status";
import { RANGES, type RangeName } from "@/lib/domain/lag-chart";
import type { Outcome } from "./servers";

/** What GET /api/servers/:id/lag returns: the window (epoch seconds) and its samples, lagSeconds null where unknown. */
export interface LagResponse {
  from: number;
  to: number;
  samples: LagPoint[];
}

/** The samples of the last `range` (hour, day or week); 404 for an unknown server, 400 for another range. */
export async function lagHistory(id: string, range: string): Promise<Outcome<LagResponse>> {
  if (!(await findServer(id))) return { ok: false, status: 404, error: "No such server." };
  if (!(range in RANGES)) return { ok: false, status: 400, error: "range must be hour, day or week" };
  const to = Date.now() / 1000;
  const from = to - RANGES[range as RangeName];
  return { ok: true, value: { from, to, samples: await lagSamples(id, from, to) } };
}
