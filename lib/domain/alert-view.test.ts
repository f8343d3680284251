import { describe, expect, it } from "vitest";
import { alertSections, type AlertView, nodeTooltip, durationSince, firingCount, shortDuration, silenceScope, sinceLabel } from "./alert-view";

const base: AlertView = {
  id: "a", serverId: "s1", serverName: "db-1", cluster: "c", channel: "", code: "ReplicationBroken", severity: "critical", state: "firing",
  silenced: false, acknowledgedBy: null, since: "2026-12-02T06:00:00.000Z", firedAt: "2026-12-02T06:00:00.000Z", resolvedAt: null, message: "m",
};
const a = (over: Partial<AlertView>): AlertView => ({ ...base, ...over });

describe("alert sections", () => {
  it("lists firing worst first (critical, then oldest), apart from pending, silenced and resolved", () => {
    const alerts = [
      a({ id: "warn-old", severity: "warning", since: "2026-12-02T05:00:00.000Z" }),
      a({ id: "crit-new", since: "2026-12-02T06:10:00.000Z" }),
      a({ id: "crit-old", since: "2026-12-02T06:00:00.000Z" }),
      a({ id: "pend", state: "pending", firedAt: null }),
      a({ id: "muted", silenced: true }),
      a({ id: "muted-pending", state: "pending", silenced: true }),
      a({ id: "res-old", state: "resolved", resolvedAt: "2026-12-02T06:01:00.000Z" }),
      a({ id: "res-new", state: "resolved", resolvedAt: "2026-12-02T06:30:00.000Z", silenced: true }),
    ];
    const s = alertSections(alerts);
    expect(s.firing.map((x) => x.id)).toEqual(["crit-old", "crit-new", "warn-old"]);
    expect(s.pending.map((x) => x.id)).toEqual(["pend"]);
    expect(s.silenced.map((x) => x.id)).toEqual(["muted", "muted-pending"]);
    expect(s.resolved.map((x) => x.id)).toEqual(["res-new", "res-old"]);
    expect(alertSections(alerts, 1).resolved.map((x) => x.id)).toEqual(["res-new"]);
  });

  it("counts only firing alerts that are not silenced", () => {
    expect(firingCount([a({}), a({ silenced: true }), a({ state: "pending" }), a({ state: "resolved" }), a({ id: "b" })])).toBe(2);
    expect(firingCount([])).toBe(0);
  });
});

describe("since labels", () => {
  it("reads durations briefly", () => {
    expect([0, 40, 60, 12 * 60 + 59, 3 * 3600, 3 * 3600 + 5 * 60, 2 * 86_400 + 4 * 3600 + 7, 86_400].map(shortDuration)).toEqual(["0 s", "40 s", "1 min", "12 min", "3 h", "3 h 5 min", "2 d 4 h", "1 d"]);
    expect(shortDuration(-5)).toBe("0 s");
  });

  it("measures from since to now, or to the end when it ended", () => {
    const now = Date.parse("2026-12-02T06:12:30.000Z");
    expect(sinceLabel("broken", "2026-12-02T06:00:00.000Z", now)).toBe("broken · 12 min");
    expect(durationSince("2026-12-02T06:00:00.000Z", now, "2026-12-02T06:00:45.000Z")).toBe("45 s");
  });
});

describe("silence scope", () => {
  it("names every matcher a silence sets", () => {
    expect(silenceScope({ serverId: "s1", serverName: "db-2", cluster: null, code: "ReplicationBroken" })).toBe("server db-2 · code ReplicationBroken");
    expect(silenceScope({ serverId: null, serverName: null, cluster: "shop", code: null })).toBe("cluster shop");
    expect(silenceScope({ serverId: null, serverName: null, cluster: null, code: null })).toBe("everything");
  });
});

describe("node tooltip", () => {
  it("says since when the node is in its state and each problem holds", () => {
    const now = Date.parse("2026-12-02T06:12:00.000Z");
    const tip = nodeTooltip({ name: "db-2", host: "10.0.0.2", port: 3306, stateLabel: "broken", stateSince: "2026-12-02T06:00:00.000Z", problems: [{ code: "ReplicationBroken", message: "error 1062", since: "2026-12-02T06:00:30.000Z" }, { code: "ReplicaIsWritable", message: "read_only OFF" }] }, now);
    expect(tip.split("\n")).toEqual(["db-2 10.0.0.2:3306", "broken for 12 min (since 06:00 UTC)", "ReplicationBroken for 11 min: error 1062", "ReplicaIsWritable: read_only OFF"]);
    expect(nodeTooltip({ name: "x", host: "h", port: 1, stateLabel: "ok", stateSince: null, problems: [] }, now)).toBe("x h:1\nok");
  });
});
