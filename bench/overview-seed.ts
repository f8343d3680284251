// Seeds replscope's SQLite (REPLSCOPE_DATA_DIR) with N generated servers, their states and 15 minutes of lag samples,
// written directly through lib/data (no MySQL needed): the overview bench's fleet. Usage: overview-seed.ts N
import { generatedStatus, generateTopology } from "./topology-fixture";

const N = Number(process.argv[2] ?? 1000);
const SAMPLE_EVERY = 15;

async function main() {
  const { insertServer } = await import("../lib/data/servers");
  const { saveSweep } = await import("../lib/data/status");
  const servers = generateTopology(N);
  const now = Date.now() / 1000;
  const states = [];
  const samples = [];
  for (const [i, s] of servers.entries()) {
    const rec = await insertServer({ name: s.name, host: s.host, port: s.port, user: "bench", password: "pw", tlsMode: "disabled", cluster: s.cluster, tags: i % 3 ? ["eu"] : ["us", "ssd"], heartbeatEnabled: false, heartbeatSchema: "replscope" });
    const st = generatedStatus(servers, i, now);
    states.push({ serverId: rec.id, state: st.state, lagSeconds: st.lagSeconds, lagSource: st.lagSource, snapshot: JSON.stringify(st), checkedAt: st.checkedAt, reachedAt: st.reachedAt, stateSince: now - (i % 40) * 60 });
    if (s.sources.length === 0) continue;
    for (let t = now - 900; t <= now; t += SAMPLE_EVERY) {
      const lag = i % 50 === 0 ? null : Math.max(0, (i % 17) + Math.round(5 * Math.sin((t + i) / 120)));
      samples.push({ serverId: rec.id, channel: "", at: t, lagSeconds: lag, source: lag === null ? "unknown" : "seconds_behind" });
    }
  }
  await saveSweep(states, samples);
  console.log(`seeded ${servers.length} servers, ${samples.length} lag samples`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
