// The overview's slim rows keep exactly what a row shows and drop the heavy parts of a report; a page carries only drawn rows.
import { describe, expect, it, vi } from "vitest";
import { EMPTY_FILTER } from "@/lib/domain/overview/filter";
import type { ServerReport } from "./status";

let report = { checkedAt: "2026-12-02T10:00:00.000Z", staleAfterSeconds: 9, servers: [] as ServerReport[] };
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

  it("are built once per cached report and request, and serialised once", async () => {
    report.servers = [server];
    const all = { filter: EMPTY_FILTER, toggled: [], limit: 200 };
    const a = await overviewStatus(all);
    expect(await overviewStatus({ ...all })).toBe(a);
    expect(a).toMatchObject({ checkedAt: report.checkedAt, staleAfterSeconds: 9, total: 1, shown: 1, groups: [{ cluster: "pay", rows: [{ id: "s1" }] }] });
    expect(JSON.parse(await overviewStatusBody(all))).toEqual(a);
  });

  it("carry only the rows drawn for the request, with every count", async () => {
    const ok = (i: number) => ({ ...server, id: `ok${i}`, name: `ok${i}`, cluster: "calm", state: "ok", problems: [], channels: [], stale: i === 0 });
    report = { ...report, servers: [server, ...Array.from({ length: 60 }, (_, i) => ok(i))] as ServerReport[] };
    const page = await overviewStatus({ filter: EMPTY_FILTER, toggled: [], limit: 200 });
    expect(page.groups.map((g) => [g.cluster, g.size, g.rows.length])).toEqual([["pay", 1, 1], ["calm", 60, 0]]);
    expect(page).toMatchObject({ total: 61, stale: 1, counts: { broken: 1, ok: 60 } });
    const searched = await overviewStatus({ filter: { ...EMPTY_FILTER, q: "ok1" }, toggled: ["calm"], limit: 5 });
    expect(searched.groups[0].rows.map((r) => r.name)).toEqual(["ok1", "ok10", "ok11", "ok12", "ok13"]);
    expect(searched).toMatchObject({ shown: 11, hidden: 6 });
  });
});
