// The /metrics exporter: lag thresholds per channel (server threshold + delay), sweep and staleness gauges.
import { describe, expect, it } from "vitest";
import type { ServerRecord } from "@/lib/data/servers";
import { DEFAULT_THRESHOLDS, thresholdsFor } from "@/lib/domain/health";
import { normaliseReplicaRow } from "@/lib/domain/replica-status";
import { normaliseFacts } from "@/lib/domain/server-facts";
import { evaluateServer } from "@/lib/domain/server-status";
import { metrics, recordPollerStart, recordSweepMetrics } from "./metrics";
import { staleAfterSeconds } from "./status";

const NOW = 1_800_000_000;

function record(name: string, port: number, warn: number | null, crit: number | null): ServerRecord {
  return {
    id: name, name, host: "db", port, user: "monitor", tlsMode: "required", cluster: null, tags: [], lagWarnSeconds: warn, lagCritSeconds: crit,
    heartbeatEnabled: false, heartbeatSchema: "replscope", allowPublicKeyRetrieval: false, serverPublicKey: null, promotionRule: "neutral", flavor: null, version: null,
    lastCheck: null, createdAt: "", updatedAt: "",
  };
}

function replicaStatus(warn: number | null, crit: number | null, rows: Record<string, unknown>[]) {
  const poll = { ok: true as const, channels: rows.map(normaliseReplicaRow), facts: normaliseFacts({ server_id: 2 }), source: null, heartbeatLag: null };
  return evaluateServer(poll, thresholdsFor(warn, crit), NOW, null);
}

const row = (channel: string, behind: number, delay: number) => ({
  Connection_name: channel, Slave_IO_Running: "Yes", Slave_SQL_Running: "Yes", Seconds_Behind_Master: behind, SQL_Delay: delay,
});

async function values(name: string) {
  const m = (await metrics().registry.getMetricsAsJSON()).find((x) => x.name === name);
  return (m?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe("recordSweepMetrics", () => {
  it("exports each channel's lag thresholds as the server's thresholds plus the channel's delay", async () => {
    const own = record("own", 3307, 30, 120);
    const defaults = record("defaults", 3308, null, null);
    recordSweepMetrics(
      [
        { record: own, status: replicaStatus(30, 120, [row("", 5, 0), row("delayed", 3605, 3600)]) },
        { record: defaults, status: replicaStatus(null, null, [row("", 1, 0)]) },
      ],
      { startedAt: NOW * 1000, durationMs: 1500, servers: 2 },
    );
    expect(await values("replscope_replica_lag_warning_seconds")).toEqual([
      { labels: { server: "own", host: "db:3307", channel: "" }, value: 30 },
      { labels: { server: "own", host: "db:3307", channel: "delayed" }, value: 3630 },
      { labels: { server: "defaults", host: "db:3308", channel: "" }, value: DEFAULT_THRESHOLDS.warn },
    ]);
    expect(await values("replscope_replica_lag_critical_seconds")).toEqual([
      { labels: { server: "own", host: "db:3307", channel: "" }, value: 120 },
      { labels: { server: "own", host: "db:3307", channel: "delayed" }, value: 3720 },
      { labels: { server: "defaults", host: "db:3308", channel: "" }, value: DEFAULT_THRESHOLDS.crit },
    ]);
    // The lag series carries the same server/host/channel labels, so the alert rules can join them.
    expect((await values("replscope_replica_lag_seconds")).map((v) => v.labels)).toEqual([
      { server: "own", host: "db:3307", channel: "", source: "seconds_behind" },
      { server: "own", host: "db:3307", channel: "delayed", source: "seconds_behind" },
      { server: "defaults", host: "db:3308", channel: "", source: "seconds_behind" },
    ]);
  });

  it("drops the thresholds of a server that became unreachable and records when the sweep finished", async () => {
    const r = record("gone", 3309, null, null);
    const before = replicaStatus(null, null, [row("", 0, 0)]);
    const unreachable = evaluateServer({ ok: false, error: "connect ECONNREFUSED" }, DEFAULT_THRESHOLDS, NOW + 2, before);
    recordSweepMetrics([{ record: r, status: unreachable }], { startedAt: NOW * 1000, durationMs: 2500, servers: 1 });
    expect(await values("replscope_replica_lag_warning_seconds")).toEqual([]);
    expect(await values("replscope_replica_lag_critical_seconds")).toEqual([]);
    expect(await values("replscope_last_sweep_timestamp_seconds")).toEqual([{ labels: {}, value: NOW + 2.5 }]);
    expect(await values("replscope_check_stale_after_seconds")).toEqual([{ labels: {}, value: staleAfterSeconds() }]);
  });
});

describe("recordPollerStart", () => {
  it("publishes replscope's staleness limit (0 until this process polls)", async () => {
    metrics().staleAfter.reset();
    expect(await values("replscope_check_stale_after_seconds")).toEqual([{ labels: {}, value: 0 }]);
    recordPollerStart();
    expect(staleAfterSeconds()).toBeGreaterThan(0);
    expect(await values("replscope_check_stale_after_seconds")).toEqual([{ labels: {}, value: staleAfterSeconds() }]);
  });
});
