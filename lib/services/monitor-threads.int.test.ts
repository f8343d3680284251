// The poller's sweep tests again with two poll threads (what a fleet of more than 2,000 servers gets), real MariaDB:
// the same verdicts, error texts, heartbeat lag and unreachable lane; then a poll thread that dies mid-term.
import type { Worker } from "node:worker_threads";
import { expect, it } from "vitest";

process.env.REPLSCOPE_POLL_THREADS = "2";
await import("./monitor.int.test");
const { monitor } = await import("./monitor");
const { statusReport } = await import("./status");
const { POLL_THREAD_YOUNG_MB } = await import("./poll-threads/pool");

it("sweeps with two poll threads, and a dead thread costs one sweep: the next starts anew with since-when kept", async () => {
  await monitor().sweep();
  expect(monitor().threads).toBe(2);
  const before = (await statusReport()).servers;
  expect(before.every((s) => s.stateSince !== null)).toBe(true);
  const threads = (monitor() as unknown as { engine: { threads: { worker: Worker }[] } }).engine.threads;
  // Each thread runs with the larger young generation (V8's default for a thread is 48 MB).
  for (const t of threads) expect(t.worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(POLL_THREAD_YOUNG_MB);
  await threads[0].worker.terminate();
  await monitor().sweep().catch(() => null); // rejects when the thread's exit is seen mid-sweep
  await monitor().sweep();
  const after = (await statusReport()).servers;
  // Servers still in the state they were in (the last test restarted the source, so some may have moved on) are so
  // since the same moment: the new threads started from the stored since-when, not from their first poll.
  const kept = after.filter((s) => before.find((b) => b.id === s.id)?.state === s.state);
  expect(kept.length).toBeGreaterThanOrEqual(3);
  for (const s of kept) expect(s.stateSince).toBe(before.find((b) => b.id === s.id)!.stateSince);
  expect(Math.min(...after.map((s) => Date.parse(s.checkedAt!)))).toBeGreaterThan(Math.max(...before.map((s) => Date.parse(s.checkedAt!))));
});
