import { describe, expect, it } from "vitest";
import { capturedRows } from "./__fixtures__/capture";
import { DEFAULT_THRESHOLDS } from "./health";
import { normaliseReplicaRow } from "./replica-status";
import { normaliseFacts, normaliseSourceStatus } from "./server-facts";
import { evaluateServer } from "./server-status";
import { parseSnapshot } from "./status-snapshot";

const channel = normaliseReplicaRow(capturedRows("[replica 23307] SHOW ALL SLAVES STATUS\\G")[0]);
const facts = normaliseFacts({ server_id: 2, read_only: 1, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "0-1-5", gtid_strict_mode: 1, log_replica_updates: 1, auto_increment_increment: 1, auto_increment_offset: 1 });
const source = normaliseSourceStatus([{ File: "bin.000002", Position: 342, Executed_Gtid_Set: "" }]);
const polled = evaluateServer({ ok: true, channels: [channel], facts, source, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1000, null);
const unreachable = evaluateServer({ ok: false, error: "connect ECONNREFUSED" }, DEFAULT_THRESHOLDS, 1010, polled);
const row = (snapshot: string) => ({ snapshot, checkedAt: 1234, reachedAt: 1200 });

describe("parseSnapshot", () => {
  it("reads back exactly what the poller stored (a replica with facts, source and a channel)", () => {
    expect(parseSnapshot(row(JSON.stringify(polled)))).toEqual(polled);
  });
  it("reads back an unreachable server's snapshot that kept the previous facts and channels", () => {
    expect(parseSnapshot(row(JSON.stringify(unreachable)))).toEqual(unreachable);
  });
  it("turns text that is not JSON into a clear unknown state with the row's times, not an exception", () => {
    const s = parseSnapshot(row("{not json"));
    expect(s).toMatchObject({ state: "unknown", lagSeconds: null, lagSource: null, facts: null, source: null, channels: [], checkedAt: 1234, reachedAt: 1200 });
    expect(s.error).toMatch(/stored status could not be read \(not JSON\)/);
  });
  it("turns JSON of the wrong shape into unknown, naming the first bad field", () => {
    const bad = { ...polled, channels: [{ ...polled.channels[0], ioThread: "Yes" }] };
    const s = parseSnapshot(row(JSON.stringify(bad)));
    expect(s.state).toBe("unknown");
    expect(s.error).toContain("channels.0.ioThread");
  });
  it("rejects a snapshot missing a field the UI reads (facts.readOnly) and one that is not an object", () => {
    const { readOnly: _, ...noReadOnly } = facts;
    expect(parseSnapshot(row(JSON.stringify({ ...polled, facts: noReadOnly }))).error).toContain("facts.readOnly");
    expect(parseSnapshot(row("null")).state).toBe("unknown");
    expect(parseSnapshot(row('"ok"')).state).toBe("unknown");
  });
});
