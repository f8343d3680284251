// Since when a server has been in its state and each problem has held, as GET /api/status reports them.
import type { ServerReport } from "@/lib/services/status";

type Timed = { stateSince?: string | null; problems: { since?: string | null }[] };

/** The ISO time the server entered its current state, when known. */
export const stateSinceOf = (s: ServerReport): string | null => (s as unknown as Timed).stateSince ?? null;

/** The ISO time problem `i` of the server was first seen, when known. */
export const problemSinceOf = (s: ServerReport, i: number): string | null => (s as unknown as Timed).problems[i]?.since ?? null;
