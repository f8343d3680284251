import { describe, expect, it } from "vitest";
import { heartbeatLag, parseHeartbeatRows } from "./heartbeat";

describe("heartbeat lag", () => {
  const rows = parseHeartbeatRows([
    { server_id: 1, ts: "2026-11-24T10:00:00.000000", age_us: 2_500_000 },
    { server_id: 2, ts: "2026-11-24T10:00:02.000000", age_us: 400_000 },
    { server_id: 3, ts: "2026-11-24T09:00:00.000000", age_us: 3_600_000_000 },
  ]);
  it("measures against the freshest row of another server", () => {
    expect(heartbeatLag(rows, 9)).toEqual({ lagSeconds: 0.4, sourceServerId: 2 });
  });
  it("ignores the server's own row (master-master)", () => {
    expect(heartbeatLag(rows, 2)).toEqual({ lagSeconds: 2.5, sourceServerId: 1 });
  });
  it("gives null, not zero, without rows from others", () => {
    expect(heartbeatLag(parseHeartbeatRows([{ server_id: 5, ts: "x", age_us: 0 }]), 5)).toBeNull();
    expect(heartbeatLag([], 1)).toBeNull();
  });
  it("never reports negative lag from clock skew", () => {
    expect(parseHeartbeatRows([{ server_id: 1, ts: "x", age_us: -3000 }])[0].ageSeconds).toBe(0);
  });
});
