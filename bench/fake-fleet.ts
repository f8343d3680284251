// Child process for benchmarks: starts a slice of the fake fleet and reports its ports, so the fakes don't share a core
// (or the file-descriptor limit: one listener plus one session per fake) with the poller.
import { type FakeServer, startFake } from "../test/fakes/mysql-fake";
import { brokenReplica, healthyReplica, twoChannels } from "../test/fakes/scenarios";

const VERSIONS = ["5.7.44", "8.0.21", "8.0.36", "8.4.3", "9.1.0", "10.11.6-MariaDB", "11.4.3-MariaDB"];
const SCENARIOS = [healthyReplica, healthyReplica, brokenReplica, twoChannels];

/** Version of the i-th fake (the parent needs it to register the server). */
export const fakeVersion = (i: number) => VERSIONS[i % VERSIONS.length];

/** Messages the parent sends: hang the fakes whose fleet-wide index is below `hangBelow` (the others answer). */
export interface FleetCommand {
  hangBelow: number;
}

let warned = false;

/** A fake, retried while the machine has no free port: the previous run's 10,000 closed connections hold ports for
 *  TIME_WAIT's 60 s, and a run that starts right after it (the next backend's) would otherwise fail. */
async function startFakeRetrying(o: Parameters<typeof startFake>[0], waited = 0): Promise<FakeServer> {
  try {
    return await startFake(o);
  } catch (e) {
    if ((e as { code?: string }).code !== "EADDRINUSE" || waited >= 120) throw e;
    if (!warned) process.stderr.write("bench:sweep: no free port for a fake yet (ports held by closed connections); retrying for up to 120 s\n");
    warned = true;
    await new Promise((r) => setTimeout(r, 1000));
    return startFakeRetrying(o, waited + 1);
  }
}

async function main() {
  const [from, to, latency] = process.argv.slice(2).map(Number);
  const fakes: FakeServer[] = [];
  for (let i = from; i < to; i += 100) {
    const batch = Array.from({ length: Math.min(100, to - i) }, (_, k) => i + k);
    fakes.push(...(await Promise.all(batch.map((j) => startFakeRetrying({ version: fakeVersion(j), scenario: SCENARIOS[j % SCENARIOS.length], latencyMs: latency, recordQueries: false })))));
  }
  process.on("message", (m) => {
    const { hangBelow } = m as FleetCommand;
    fakes.forEach((f, k) => f.setHang(from + k < hangBelow));
    process.send?.({ done: true });
  });
  process.send?.({ ports: fakes.map((f) => f.port) });
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1]?.endsWith("fake-fleet.ts")) void main();
