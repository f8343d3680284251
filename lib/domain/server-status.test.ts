import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { DEFAULT_THRESHOLDS } from "./health";
import { normaliseReplicaRow } from "./replica-status";
import { normaliseFacts } from "./server-facts";
import { evaluateReached, evaluateServer, lagMemoryOf } from "./server-status";

const facts = normaliseFacts({ server_id: 2, read_only: 1, log_bin: 1, binlog_format: "ROW", log_replica_updates: 1, auto_increment_increment: 1, auto_increment_offset: 1 });
/** A fresh channel each time (evaluation completes the poll's channels in place), lagging `behind` seconds or stopped. */
const channel = (behind: number | null) => ({ ...normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]), secondsBehind: behind, ...(behind === null ? { sqlThread: "stopped" as const } : {}) });
const poll = (behind: number | null) => ({ ok: true as const, channels: [channel(behind)], facts, source: null, heartbeatLag: null });

describe("lag memory (what a poller keeps per server between sweeps)", () => {
  const polled = evaluateServer(poll(7), DEFAULT_THRESHOLDS, 1000, null);

  it("holds the state and each channel's last known lag, and nothing else of the status", () => {
    const memory = lagMemoryOf(polled);
    expect(memory).toEqual({ state: "ok", channels: [{ channel: polled.channels[0].channel, lastKnown: { lagSeconds: 7, at: 1000 } }] });
    expect(Object.keys(memory.channels[0])).toEqual(["channel", "lastKnown"]);
  });

  it("estimates a stopped channel's lag as the full previous status does (last measured lag plus the time since)", () => {
    const fromMemory = evaluateReached(poll(null), DEFAULT_THRESHOLDS, 1030, lagMemoryOf(polled));
    expect(fromMemory.channels[0]).toMatchObject({ state: "stopped", lagSeconds: 37, lagSource: "estimated" });
    expect(fromMemory).toEqual(evaluateServer(poll(null), DEFAULT_THRESHOLDS, 1030, polled));
  });

  it("an unreached server keeps its last facts and channels, counting the polls that failed in a row", () => {
    const once = evaluateServer({ ok: false, error: "connect ECONNREFUSED" }, DEFAULT_THRESHOLDS, 1010, polled);
    const twice = evaluateServer({ ok: false, error: "connect ECONNREFUSED" }, DEFAULT_THRESHOLDS, 1020, JSON.parse(JSON.stringify(once)));
    expect(twice).toMatchObject({ state: "unreachable", facts, channels: polled.channels, reachedAt: 1000, unreachablePolls: 2 });
  });
});
