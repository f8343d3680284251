// Inside a poll thread: the poll engine for this thread's share of the servers; results go back in batches.
import "server-only";
import { parentPort } from "node:worker_threads";
import { PollEngine, type Swept } from "../poll-engine";
import type { FromThread, ToThread } from "./protocol";

/** Results per message: one message per server would cost more than the structured clone saves. */
const BATCH = 200;
const FLUSH_MS = 100;

const engine = new PollEngine();
const port = parentPort!;
const send = (m: FromThread) => port.postMessage(m);

async function sweep(id: number, run: (emit: (s: Swept) => void) => Promise<void>) {
  let rows: Swept[] = [];
  const flush = () => rows.length && send({ type: "rows", sweep: id, rows: rows.splice(0) });
  const timer = setInterval(flush, FLUSH_MS);
  try {
    await run((s) => rows.push(s) >= BATCH && flush());
    flush();
    send({ type: "done", sweep: id });
  } catch (e) {
    send({ type: "failed", sweep: id, error: (e as Error)?.message ?? String(e) });
  } finally {
    clearInterval(timer);
    rows = [];
  }
}

port.on("message", (m: ToThread) => {
  if (m.type === "seed") engine.seed(m.statuses, m.stateSince);
  else if (m.type === "forget") engine.forget();
  else void sweep(m.sweep, (emit) => engine.sweep(m.jobs, m.options, emit, false));
});
