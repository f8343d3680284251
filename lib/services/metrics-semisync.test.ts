// Semi-sync gauges: exported per server where the plugin answers, absent where it does not or the server is unreachable.
import { describe, expect, it } from "vitest";
import type { ServerRecord } from "@/lib/data/servers";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/health";
import { normaliseFacts } from "@/lib/domain/server-facts";
import { evaluateServer } from "@/lib/domain/server-status";
import { metrics, recordSweepMetrics } from "./metrics";

const NOW = 1_800_000_000;
const rows = (o: Record<string, string | number>) => Object.entries(o).map(([Variable_name, Value]) => ({ Variable_name, Value }));

function record(name: string, port: number): ServerRecord {
  return {
    id: name, name, host: "db", port, user: "monitor", tlsMode: "required", cluster: null, tags: [], lagWarnSeconds: null, lagCritSeconds: null,
    heartbeatEnabled: false, heartbeatSchema: "replscope", allowPublicKeyRetrieval: false, serverPublicKey: null, promotionRule: "neutral", flavor: null, version: null,
    lastCheck: null, createdAt: "", updatedAt: "",
  };
}
const status = (vars: Record<string, string>, st: Record<string, string | number>) =>
  evaluateServer({ ok: true, channels: [], facts: normaliseFacts({ server_id: 1 }, rows(vars), rows(st)), source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, NOW, null);

async function values(name: string) {
  const m = (await metrics().registry.getMetricsAsJSON()).find((x) => x.name === name);
  return (m?.values ?? []).map((v) => [v.labels.server, v.value]);
}

describe("semi-sync metrics", () => {
  it("exports enabled/active/clients/counters of a degraded source; nothing for a server without the plugin", async () => {
    const degraded = status({ rpl_semi_sync_source_enabled: "ON", rpl_semi_sync_replica_enabled: "OFF" }, { Rpl_semi_sync_source_status: "OFF", Rpl_semi_sync_source_clients: 0, Rpl_semi_sync_source_yes_tx: 12, Rpl_semi_sync_source_no_tx: 3, Rpl_semi_sync_source_tx_avg_wait_time: 2500 });
    const bare = status({}, {});
    const gone = evaluateServer({ ok: false, error: "refused" }, DEFAULT_THRESHOLDS, NOW, degraded);
    recordSweepMetrics([{ record: record("src", 1), status: degraded }, { record: record("bare", 2), status: bare }, { record: record("gone", 3), status: gone }], { startedAt: NOW * 1000, durationMs: 10, servers: 3 });
    expect(await values("replscope_semisync_source_enabled")).toEqual([["src", 1]]);
    expect(await values("replscope_semisync_source_active")).toEqual([["src", 0]]);
    expect(await values("replscope_semisync_replica_enabled")).toEqual([["src", 0]]);
    expect(await values("replscope_semisync_source_clients")).toEqual([["src", 0]]);
    expect(await values("replscope_semisync_source_yes_tx")).toEqual([["src", 12]]);
    expect(await values("replscope_semisync_source_no_tx")).toEqual([["src", 3]]);
    expect(await values("replscope_semisync_source_tx_avg_wait_seconds")).toEqual([["src", 0.0025]]);
  });
});
