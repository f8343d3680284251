// The poller's threads: servers split among N worker threads by id, each polling and evaluating its share with the
// same engine as the main thread, so polling a large fleet uses more than one core. The main thread keeps the writes.
import "server-only";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ServerStatus } from "@/lib/domain/server-status";
import type { PollJob, SweepOptions, Swept } from "../poll-engine";
import { type FromThread, threadOf, type ToThread } from "./protocol";

const BOOT = path.join(process.cwd(), "lib", "services", "poll-threads", "boot.mjs");

/** Fleets above this size are polled by threads when REPLSCOPE_POLL_THREADS is "auto": below it the main thread keeps up
 *  (1,000 servers sweep within 1.2× of a bare mysql2 loop), above it the main thread runs out of CPU. */
const AUTO_THREADS_FROM = 2000;

/** How many poll threads a fleet of `servers` gets under `setting` (0: polled on the main thread). */
export function pollThreadCount(servers: number, setting: "auto" | number, cores = availableParallelism()): number {
  if (setting !== "auto") return setting;
  return servers > AUTO_THREADS_FROM && cores >= 2 ? 2 : 0;
}

/** A poll thread's young generation (V8 gives a thread 48 MB): a sweep's in-flight results and fresh statuses outlived
 *  the small one, so each scavenge copied them again; at 128 MB a 10,000-server sweep's GC pauses halve (~0.45 s → ~0.24 s
 *  per thread, --trace-gc over 13 sweeps). Costs up to 80 MB more memory per thread, only for fleets that get threads. */
export const POLL_THREAD_YOUNG_MB = 128;

interface Thread {
  worker: Worker;
  /** The sweep in progress on this thread: its id, and how it ends. */
  running: { sweep: number; emit: (s: Swept) => void; done: () => void; fail: (e: Error) => void } | null;
}

/** N poll threads with PollEngine's interface; a thread that dies closes the pool (the next sweep starts new threads). */
export class PollThreads {
  private threads: Thread[] = [];
  private sweeps = 0;
  /** Whether the threads hold the stored statuses to start from (false: seed them before the next sweep). */
  seeded = false;

  constructor(readonly count: number) {}

  /** Hands every thread its share of the stored statuses (starting the threads when needed). */
  seed(statuses: Iterable<[string, ServerStatus]>, stateSince: Iterable<[string, number | null]>) {
    this.start();
    const parts = this.threads.map(() => ({ statuses: [] as [string, ServerStatus][], stateSince: [] as [string, number | null][] }));
    for (const s of statuses) parts[threadOf(s[0], this.count)].statuses.push(s);
    for (const s of stateSince) parts[threadOf(s[0], this.count)].stateSince.push(s);
    this.threads.forEach((t, i) => this.post(t, { type: "seed", ...parts[i] }));
    this.seeded = true;
  }

  /** One sweep over all threads; rows reach `emit` as threads send them. Rejects when a thread fails or dies. */
  async sweep(jobs: PollJob[], options: SweepOptions, emit: (s: Swept) => void): Promise<void> {
    // Threads that started after the last seed would take every server for new (since-when lost): seed them first.
    if (!this.seeded || !this.threads.length) throw new Error("the poll threads restarted; the next sweep seeds them");
    const sweep = ++this.sweeps;
    const shares = this.threads.map(() => [] as PollJob[]);
    for (const j of jobs) shares[threadOf(j.id, this.count)].push(j);
    const concurrency = Math.max(1, Math.ceil(options.concurrency / this.count));
    // Referenced only while sweeping: an idle pool never keeps a process (a script, a test) from ending.
    this.threads.forEach((t) => t.worker.ref());
    await Promise.all(
      this.threads.map(
        (t, i) =>
          new Promise<void>((done, fail) => {
            t.running = { sweep, emit, done, fail };
            this.post(t, { type: "sweep", sweep, jobs: shares[i], options: { ...options, concurrency } });
          }),
      ),
    ).finally(() =>
      this.threads.forEach((t) => {
        t.running = null;
        t.worker.unref();
      }),
    );
  }

  /** Every thread closes its connections and forgets its statuses; the threads stay, warm, for a later term. */
  forget() {
    this.seeded = false;
    for (const t of this.threads) this.post(t, { type: "forget" });
  }

  /** Stops every thread (their connections close with them); a sweep in progress fails. */
  close() {
    const threads = this.threads.splice(0);
    this.seeded = false;
    for (const t of threads) {
      t.running?.fail(new Error("the poll threads were closed"));
      void t.worker.terminate();
    }
  }

  private start() {
    if (this.threads.length) return;
    this.seeded = false;
    this.threads = Array.from({ length: this.count }, () => this.spawn());
  }

  private spawn(): Thread {
    // Not `new Worker(…)`: the build would bundle the thread's entry; it must load the sources as they are (./boot.mjs).
    const worker: Worker = Reflect.construct(Worker, [BOOT, { execArgv: ["--conditions=react-server"], resourceLimits: { maxYoungGenerationSizeMb: POLL_THREAD_YOUNG_MB } }]);
    worker.unref();
    const thread: Thread = { worker, running: null };
    worker.on("message", (m: FromThread) => {
      const r = thread.running;
      if (!r || r.sweep !== m.sweep) return;
      if (m.type === "rows") for (const row of m.rows) r.emit(row);
      else if (m.type === "done") r.done();
      else r.fail(new Error(`poll thread: ${m.error}`));
    });
    const died = (why: string) => {
      if (!this.threads.includes(thread)) return;
      thread.running?.fail(new Error(`poll thread ${why}`));
      this.close();
    };
    worker.on("error", (e) => died(`failed: ${e.message}`));
    worker.on("exit", (code) => died(`exited (${code})`));
    return thread;
  }

  private post(t: Thread, m: ToThread) {
    t.worker.postMessage(m);
  }
}
