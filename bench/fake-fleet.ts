// Child process for benchmarks: starts many protocol-level fakes and reports their ports, so they don't share a core with the poller.
import { type FakeServer, startFake } from "../test/fakes/mysql-fake";
import { brokenReplica, healthyReplica, twoChannels } from "../test/fakes/scenarios";

const VERSIONS = ["5.7.44", "8.0.21", "8.0.36", "8.4.3", "9.1.0", "10.11.6-MariaDB", "11.4.3-MariaDB"];
const SCENARIOS = [healthyReplica, healthyReplica, brokenReplica, twoChannels];

/** Version of the i-th fake (the parent needs it to register the server). */
export const fakeVersion = (i: number) => VERSIONS[i % VERSIONS.length];

async function main() {
  const [count, latency, hungCount] = process.argv.slice(2).map(Number);
  const fakes: FakeServer[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, k) => i + k);
    fakes.push(...(await Promise.all(batch.map((j) => startFake({ version: fakeVersion(j), scenario: SCENARIOS[j % SCENARIOS.length], latencyMs: latency, hang: j < hungCount })))));
  }
  process.send?.({ ports: fakes.map((f) => f.port) });
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1]?.endsWith("fake-fleet.ts")) void main();
