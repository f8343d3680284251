import { describe, expect, it } from "vitest";
import { acknowledge, alertChanged, evaluateAlerts } from "./lifecycle";
import { defaultAlertConfig, forSecondsOf } from "./rules";
import type { AlertState, SeenProblem, SilenceRule, SweepServer } from "./types";

const cfg = defaultAlertConfig(2);
const broken: SeenProblem = { code: "ReplicationBroken", severity: "critical", channel: "", message: "stopped on error 1062" };
const lag: SeenProblem = { code: "LagAboveWarning", severity: "warning", channel: "", message: "20 s behind" };
const srv = (problems: SeenProblem[], reachable = true): SweepServer[] => [{ serverId: "s1", cluster: "c1", reachable, problems }];

/** Runs sweeps at the given times with the given problems; returns every step's evaluation. */
function run(steps: { t: number; problems: SeenProblem[]; silences?: SilenceRule[]; reachable?: boolean }[], config = cfg, start: AlertState[] = []) {
  let alerts = start;
  return steps.map((s) => {
    const e = evaluateAlerts(alerts, srv(s.problems, s.reachable), s.silences ?? [], config, s.t);
    alerts = e.alerts;
    return e;
  });
}

describe("alert lifecycle", () => {
  it("fires ReplicationBroken at once and notifies once", () => {
    const [a, b] = run([{ t: 100, problems: [broken] }, { t: 102, problems: [broken] }]);
    expect(a.alerts[0]).toMatchObject({ state: "firing", since: 100, firedAt: 100 });
    expect(a.notifications.map((n) => n.idempotencyKey)).toEqual([`${a.alerts[0].id}:firing:0`]);
    expect(b.notifications).toEqual([]);
  });

  it("keeps lag pending for 30 s, then fires; a pending alert that goes away sends nothing", () => {
    const steps = run([{ t: 0, problems: [lag] }, { t: 29, problems: [lag] }, { t: 30, problems: [lag] }]);
    expect(steps.map((s) => s.alerts[0].state)).toEqual(["pending", "pending", "firing"]);
    expect(steps.map((s) => s.notifications.length)).toEqual([0, 0, 1]);
    const gone = run([{ t: 0, problems: [lag] }, { t: 2, problems: [] }]);
    expect(gone[1]).toMatchObject({ alerts: [], notifications: [] });
    expect(gone[1].removed).toHaveLength(1);
  });

  it("resolves only after the problem has been gone for one full poll, and sends resolved", () => {
    const s = run([{ t: 0, problems: [broken] }, { t: 2, problems: [] }, { t: 4, problems: [] }]);
    expect(s[1].alerts[0]).toMatchObject({ state: "firing", missingSince: 2 });
    expect(s[1].notifications).toEqual([]);
    expect(s[2].alerts[0]).toMatchObject({ state: "resolved", resolvedAt: 4 });
    expect(s[2].notifications.map((n) => n.transition)).toEqual(["resolved"]);
    expect(s[2].notifications[0].seq).toBe(1);
  });

  it("does not resolve channel problems while the server cannot be read", () => {
    const s = run([{ t: 0, problems: [broken] }, { t: 2, problems: [], reachable: false }, { t: 10, problems: [], reachable: false }]);
    expect(s[2].alerts[0]).toMatchObject({ state: "firing", missingSince: null });
  });

  it("sends at most one firing/resolved pair per 5 min when flapping, then catches up", () => {
    const steps: { t: number; problems: SeenProblem[] }[] = [];
    for (let t = 0; t < 300; t += 20) steps.push({ t, problems: [broken] }, { t: t + 10, problems: [] }, { t: t + 12, problems: [] });
    const s = run([...steps, { t: 300, problems: [broken] }]);
    const sent = s.flatMap((e) => e.notifications.map((n) => n.transition));
    expect(sent).toEqual(["firing", "resolved", "firing"]);
    expect(s.at(-1)!.notifications[0].idempotencyKey).toMatch(/:firing:2$/);
  });

  it("a per-code, per-cluster and per-server `for` override, most specific first", () => {
    const rules = [{ code: "ReplicationBroken", forSeconds: 60 }, { cluster: "c1", code: "ReplicationBroken", forSeconds: 10 }, { serverId: "s2", forSeconds: 5 }];
    expect(forSecondsOf(rules, "s1", "c1", "ReplicationBroken")).toBe(10);
    expect(forSecondsOf(rules, "s1", "c2", "ReplicationBroken")).toBe(60);
    expect(forSecondsOf(rules, "s2", "c1", "ReplicationBroken")).toBe(5);
    expect(forSecondsOf(rules, "s1", "c1", "LagAboveCritical")).toBe(30);
    expect(forSecondsOf([], "s1", "c1", "Unreachable")).toBe(0);
    expect(forSecondsOf([], "s1", "c1", "IOThreadConnecting")).toBe(30);
    const s = run([{ t: 0, problems: [broken] }, { t: 10, problems: [broken] }], { ...cfg, rules });
    expect(s.map((e) => e.alerts[0].state)).toEqual(["pending", "firing"]);
  });

  it("silenced alerts are listed, marked and send nothing; after the silence the receiver hears the current state", () => {
    const silence: SilenceRule = { id: "x", serverId: "s1", cluster: null, code: null, endsAt: 50 };
    const s = run([{ t: 0, problems: [broken], silences: [silence] }, { t: 20, problems: [broken], silences: [silence] }, { t: 60, problems: [broken], silences: [silence] }]);
    expect(s[0].alerts[0]).toMatchObject({ state: "firing", silenced: true });
    expect(s[0].notifications).toEqual([]);
    expect(s[1].notifications).toEqual([]);
    expect(s[2].alerts[0].silenced).toBe(false);
    expect(s[2].notifications.map((n) => n.transition)).toEqual(["firing"]);
    const other: SilenceRule = { id: "y", serverId: null, cluster: "other", code: null, endsAt: 50 };
    expect(run([{ t: 0, problems: [broken], silences: [other] }])[0].notifications).toHaveLength(1);
  });

  it("repeats firing unacknowledged alerts every repeat interval; acknowledging stops repeats", () => {
    const config = { ...cfg, repeatSeconds: 100 };
    const s = run([{ t: 0, problems: [broken] }, { t: 99, problems: [broken] }, { t: 100, problems: [broken] }], config);
    expect(s.map((e) => e.notifications.map((n) => n.transition))).toEqual([["firing"], [], ["repeat"]]);
    const acked = acknowledge(s[0].alerts[0], "alice", 1);
    const after = evaluateAlerts([acked], srv([broken]), [], config, 500);
    expect(after.notifications).toEqual([]);
    expect(after.alerts[0].acknowledgedBy).toBe("alice");
  });

  it("a resolved alert that comes back is a new occurrence: new since, acknowledgement cleared", () => {
    const s = run([{ t: 0, problems: [broken] }, { t: 2, problems: [] }, { t: 4, problems: [] }], { ...cfg, flapWindowSeconds: 0 });
    const back = evaluateAlerts([acknowledge(s[2].alerts[0], "bob", 5)], srv([broken]), [], { ...cfg, flapWindowSeconds: 0 }, 1000);
    expect(back.alerts[0]).toMatchObject({ state: "firing", since: 1000, acknowledgedBy: null });
    expect(back.notifications[0].idempotencyKey).toMatch(/:firing:2$/);
  });

  it("resolves the alerts of a server that was removed at once", () => {
    const [first] = run([{ t: 0, problems: [broken] }]);
    const e = evaluateAlerts(first.alerts, [], [], cfg, 1);
    expect(e.alerts[0].state).toBe("resolved");
    expect(e.notifications.map((n) => n.transition)).toEqual(["resolved"]);
  });

  it("alertChanged is false for an unchanged alert and true for any difference", () => {
    const [first] = run([{ t: 0, problems: [broken] }]);
    const a = first.alerts[0];
    expect(alertChanged(a, { ...a })).toBe(false);
    expect(alertChanged(a, { ...a, message: "x" })).toBe(true);
    expect(alertChanged(undefined, a)).toBe(true);
  });

  it("an alert keeps its sequence for its lifetime: a day later, and after a pending blip, keys never repeat", () => {
    const config = { ...cfg, rules: [{ code: "ReplicationBroken", forSeconds: 10 }] };
    const s = run([{ t: 0, problems: [broken] }, { t: 10, problems: [broken] }, { t: 12, problems: [] }, { t: 14, problems: [] }], config);
    expect(s.flatMap((e) => e.notifications.map((n) => n.idempotencyKey.split(":").slice(1).join(":")))).toEqual(["firing:0", "resolved:1"]);
    const blip = evaluateAlerts(s[3].alerts, srv([broken]), [], config, 100_000);
    expect(blip.alerts[0].state).toBe("pending");
    const gone = evaluateAlerts(blip.alerts, srv([]), [], config, 100_002);
    expect(gone.removed).toEqual([]);
    expect(gone.alerts[0]).toMatchObject({ state: "resolved", seq: 2 });
    expect(gone.notifications).toEqual([]);
    const back = run([{ t: 200_000, problems: [broken] }, { t: 200_010, problems: [broken] }], config, gone.alerts);
    expect(back[1].notifications.map((n) => n.idempotencyKey.split(":").slice(1).join(":"))).toEqual(["firing:2"]);
  });
});
