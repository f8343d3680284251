// The overview's slim rows keep exactly what a row shows and drop the heavy parts of a report.
import { describe, expect, it, vi } from "vitest";
import type { ServerReport } from "./status";

const report = { checkedAt: "2026-12-02T10:00:00.000Z", staleAfterSeconds: 9, servers: [] as ServerReport[] };
vi.mock("./status", () => ({ cachedStatusReport: async () => report }));
const { overviewRow, overviewStatus, overviewStatusBody } = await import("./overview");

const server = {
  id: "s1", name: "db1", host: "10.0.0.1", port: 3306, cluster: "pay", tags: ["eu"], flavor: "mariadb", version: "10.11.6",
  state: "broken", lagSeconds: null, lagSource: null, checkedAt: "2026-12-02T10:00:00.000Z", stale: false, error: "boom",
  stateSince: "2026-12-02T09:48:00.000Z",
  problems: [{ code: "ReplicationBroken", severity: "critical", message: "SQL thread stopped", channel: "", since: "2026-12-02T09:48:00.000Z" }],
  channels: [{ name: "", sourceHost: "10.0.0.2", sourcePort: 3306, ioThread: "Yes", sqlThread: "No", state: "broken", lagSeconds: null, lagSource: null, sqlDelay: 0, sqlRemainingDelay: null, applierState: "", lastIoErrno: 0, lastIoError: "", lastSqlErrno: 1062, lastSqlError: "Duplicate entry" }],
  semiSync: {}, galera: { member: false }, group: null,
} as unknown as ServerReport;

describe("overview rows", () => {
  it("keep identity, state and since when, lag, problems and channel sources; drop semi-sync, Galera, group, errors", () => {
    const row = overviewRow(server);
    expect(row).toEqual({
      id: "s1", name: "db1", host: "10.0.0.1", port: 3306, cluster: "pay", tags: ["eu"], state: "broken", lagSeconds: null, lagSource: null,
      checkedAt: "2026-12-02T10:00:00.000Z", stale: false, stateSince: "2026-12-02T09:48:00.000Z",
      problems: [{ code: "ReplicationBroken", severity: "critical", message: "SQL thread stopped", since: "2026-12-02T09:48:00.000Z" }],
      channels: [{ name: "", sourceHost: "10.0.0.2", sourcePort: 3306, sqlDelay: 0 }],
    });
    for (const heavy of ["semiSync", "galera", "group", "error", "version", "flavor"]) expect(row).not.toHaveProperty(heavy);
  });

  it("are built once per cached report and serialised once", async () => {
    report.servers = [server];
    const a = await overviewStatus();
    expect(await overviewStatus()).toBe(a);
    expect(a).toMatchObject({ checkedAt: report.checkedAt, staleAfterSeconds: 9, servers: [{ id: "s1" }] });
    expect(JSON.parse(await overviewStatusBody())).toEqual(a);
  });
});
