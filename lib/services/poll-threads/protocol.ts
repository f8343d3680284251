// Messages between the poller and its poll threads (structured-cloned: plain data only).
import type { ServerStatus } from "@/lib/domain/server-status";
import type { PollJob, SweepOptions, Swept } from "../poll-engine";

/** To a thread: start from stored statuses, sweep these servers, or close everything. */
export type ToThread =
  | { type: "seed"; statuses: [string, ServerStatus][]; stateSince: [string, number | null][] }
  | { type: "sweep"; sweep: number; jobs: PollJob[]; options: SweepOptions }
  | { type: "forget" };

/** From a thread: results so far, the end of a sweep, or why it failed. */
export type FromThread =
  | { type: "rows"; sweep: number; rows: Swept[] }
  | { type: "done"; sweep: number }
  | { type: "failed"; sweep: number; error: string };

/** Which thread polls a server: fixed by its id, so its last status stays where it is polled. */
export function threadOf(id: string, threads: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % threads;
}
