// The engine's single write path: every step state, log line and error goes through here, masked, one write at a time.
import "server-only";
import type { RunStore } from "@/lib/data/runs";
import type { RunLogLine, RunPatch, StoredStep } from "@/lib/domain/runs/record";
import { mask } from "./mask";

/** Serialised, masking writes for one run; `secrets` may grow once the run's servers are loaded. */
export function runWriter(store: RunStore, runId: string, secrets: string[]) {
  let chain: Promise<void> = Promise.resolve();
  const queue = (fn: () => Promise<void>) => (chain = chain.then(fn, fn));
  const clean = (t: string) => mask(t, secrets);
  const cleanLine = (l: RunLogLine): RunLogLine => ({ ...l, text: clean(l.text), ...(l.error ? { error: clean(l.error) } : {}) });
  return {
    /** A log line as it may be stored (masked). */
    line: (l: Omit<RunLogLine, "at">): RunLogLine => cleanLine({ at: new Date().toISOString(), ...l }),
    /** Stores a step's state, log and error. */
    step: (s: StoredStep) => {
      const copy: StoredStep = { ...s, log: s.log.map(cleanLine), error: s.error === null ? null : clean(s.error) };
      return queue(() => store.saveStep(runId, copy));
    },
    /** Stores run fields (status, position, notes, error). */
    run: (p: RunPatch) => {
      const copy: RunPatch = { ...p, ...(p.state ? { state: structuredClone(p.state) } : {}), ...(typeof p.error === "string" ? { error: clean(p.error) } : {}) };
      return queue(() => store.saveRun(runId, copy));
    },
    /** Masks a text the caller returns (undo notes). */
    clean,
    /** Waits for every queued write. */
    flush: () => chain,
  };
}

/** The writer type. */
export type RunWriter = ReturnType<typeof runWriter>;
