import { describe, expect, it } from "vitest";
import { evaluateAlerts } from "./lifecycle";
import { defaultAlertConfig } from "./rules";
import { alertmanagerAlert, channelWants, slackBody, webhookBody } from "./format";
import { backoffDelayMs, classifyHttp, nextAttemptAt } from "./delivery";

const e = evaluateAlerts([], [{ serverId: "s1", cluster: "c1", reachable: true, problems: [{ code: "ReplicationBroken", severity: "critical", message: "error 1062" }] }], [], defaultAlertConfig(2), 1_700_000_000);
const server = { name: "db1", host: "10.0.0.1", port: 3306, cluster: "c1" };

describe("notification formats", () => {
  it("webhook body has exactly the documented fields", () => {
    const b = webhookBody(e.alerts[0], server, "firing", "https://rs.example/");
    expect(Object.keys(b)).toEqual(["version", "status", "alert", "dashboardUrl"]);
    expect(Object.keys(b.alert).sort()).toEqual(["channel", "cluster", "code", "firedAt", "host", "id", "message", "port", "resolvedAt", "serverId", "serverName", "severity", "since"].sort());
    expect(b).toMatchObject({ version: 1, status: "firing", dashboardUrl: "https://rs.example/servers/s1", alert: { since: "2023-11-14T22:13:20.000Z", resolvedAt: null } });
  });

  it("slack text names server, problem, since and link; alertmanager labels and endsAt only on resolve", () => {
    const b = webhookBody(e.alerts[0], server, "firing", "https://rs.example");
    expect(slackBody(b).text).toMatch(/ReplicationBroken on db1[\s\S]*error 1062[\s\S]*Since: 2023[\s\S]*https:\/\/rs.example\/servers\/s1/);
    const am = alertmanagerAlert(b, "pager");
    expect(am.labels).toMatchObject({ alertname: "ReplicationBroken", severity: "critical", server: "db1", cluster: "c1", channel: "pager" });
    expect(am.endsAt).toBeUndefined();
    const resolved = alertmanagerAlert(webhookBody({ ...e.alerts[0], state: "resolved", resolvedAt: 1_700_000_100 }, server, "resolved", ""), "pager");
    expect(resolved.endsAt).toBe("2023-11-14T22:15:00.000Z");
  });

  it("channel filters by minimum severity and clusters", () => {
    expect(channelWants({ minSeverity: "critical", clusters: [] }, "warning", "c1")).toBe(false);
    expect(channelWants({ minSeverity: "warning", clusters: ["c2"] }, "critical", "c1")).toBe(false);
    expect(channelWants({ minSeverity: "warning", clusters: ["c1"] }, "critical", "c1")).toBe(true);
  });

  it("retries 5xx and 429, gives up on other 4xx, backs off exponentially up to the cap and the give-up time", () => {
    expect(classifyHttp(503, "").kind).toBe("retry");
    expect(classifyHttp(429, "").kind).toBe("retry");
    expect(classifyHttp(404, "nope").kind).toBe("permanent");
    expect(classifyHttp(204, "").kind).toBe("delivered");
    const b = { baseMs: 1000, maxMs: 8000, giveUpAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelayMs(n, b))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(nextAttemptAt({ kind: "retry", detail: "" }, 1, 0, 10_000, b)).toBe(11_000);
    expect(nextAttemptAt({ kind: "retry", detail: "" }, 9, 0, 59_000, b)).toBeNull();
    expect(nextAttemptAt({ kind: "permanent", detail: "" }, 1, 0, 0, b)).toBeNull();
  });
});
