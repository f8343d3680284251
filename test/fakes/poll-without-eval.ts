// Child process of no-code-generation.int.test.ts: polls the given fakes with the poller's engine in a process where
// V8 refuses to compile code from strings (--disallow-code-generation-from-strings), and prints what it stored.
import { PollEngine, type Swept } from "@/lib/services/poll-engine";
import { parseServerVersion } from "@/lib/domain/dialect";
import { thresholdsFor } from "@/lib/domain/health";

const targets = JSON.parse(process.argv[2]) as { port: number; version: string }[];
const engine = new PollEngine();
const swept: Swept[] = [];
const jobs = targets.map((t, i) => ({
  id: `s${i}`, target: { host: "127.0.0.1", port: t.port, user: "u", password: "p", tlsMode: "disabled" as const },
  known: parseServerVersion(t.version), thresholds: thresholdsFor(null, null), heartbeatWriteError: null,
}));
const options = { concurrency: 4, connectTimeoutMs: 3000, queryTimeoutMs: 3000, heartbeatSchemas: [], unsealable: "unsealable" };
void engine.sweep(jobs, options, (s) => swept.push(s)).then(() => {
  engine.close();
  console.log(JSON.stringify(swept.map((s) => ({ id: s.stored.serverId, state: s.stored.state, channels: s.status?.channels.length, error: s.status?.error }))));
});
