// Polls fakes with the poller's engine and reports what it stored. Run as a script by no-code-generation.int.test.ts
// in a process where V8 refuses to compile code from strings (--disallow-code-generation-from-strings).
import { PollEngine, type Swept } from "@/lib/services/poll-engine";
import { parseServerVersion } from "@/lib/domain/dialect";
import { thresholdsFor } from "@/lib/domain/health";

/** One polled fake: its stored state, channel count and error. */
export interface Polled {
  id: string;
  state: string;
  channels: number | undefined;
  error: string | null | undefined;
}

/** One sweep of the given fakes (ids s0, s1, … in order) with a fresh engine. */
export async function pollFakes(targets: { port: number; version: string }[]): Promise<Polled[]> {
  const engine = new PollEngine();
  const swept: Swept[] = [];
  const jobs = targets.map((t, i) => ({
    id: `s${i}`, target: { host: "127.0.0.1", port: t.port, user: "u", password: "p", tlsMode: "disabled" as const },
    known: parseServerVersion(t.version), thresholds: thresholdsFor(null, null), heartbeatWriteError: null,
  }));
  const options = { concurrency: 4, connectTimeoutMs: 3000, queryTimeoutMs: 3000, heartbeatSchemas: [], unsealable: "unsealable" };
  await engine.sweep(jobs, options, (s) => swept.push(s)).finally(() => engine.close());
  return swept.map((s) => ({ id: s.stored.serverId, state: s.stored.state, channels: s.status?.channels.length, error: s.status?.error })).sort((a, b) => a.id.localeCompare(b.id));
}

if (process.argv[1]?.endsWith("poll-without-eval.ts")) void pollFakes(JSON.parse(process.argv[2])).then((r) => console.log(JSON.stringify(r)));
