// The runs executing in this process: the run engine's handles, also read by the leader's housekeeping (a run stored
// as owned by this instance's id but not executing here was left by an earlier process with the same id).
import "server-only";

/** A run executing in this process. */
export interface Handle {
  stop: boolean;
  abort: AbortController;
  done: Promise<void>;
}

const g = globalThis as unknown as { replscopeRunHandles?: Map<string, Handle> };

/** Handles by run id (one per process, across module reloads). */
export const handles = (g.replscopeRunHandles ??= new Map<string, Handle>());

/** Whether the run executes in this process. */
export const isExecuting = (runId: string) => handles.has(runId);
