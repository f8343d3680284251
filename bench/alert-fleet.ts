// Child process for `npm run bench:alerts`: healthy protocol-level fakes that break (duplicate key) on request.
import { type FakeServer, startFake } from "../test/fakes/mysql-fake";
import { brokenReplica, healthyReplica } from "../test/fakes/scenarios";
import { fakeVersion } from "./fake-fleet";

async function main() {
  const [count, latency] = process.argv.slice(2).map(Number);
  const fakes: FakeServer[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, k) => i + k);
    fakes.push(...(await Promise.all(batch.map((j) => startFake({ version: fakeVersion(j), scenario: healthyReplica, latencyMs: latency })))));
  }
  process.on("message", (m) => {
    const { from, to, broken } = m as { from: number; to: number; broken: boolean };
    for (let i = from; i < to; i++) fakes[i].setScenario(broken ? brokenReplica : healthyReplica);
    process.send?.({ done: true });
  });
  process.send?.({ ports: fakes.map((f) => f.port) });
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1]?.endsWith("alert-fleet.ts")) void main();
