import { describe, expect, it } from "vitest";
import { channelFormToInput, silenceFormToInput } from "./alert-forms";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("channel form", () => {
  it("sends a webhook's secret only when typed (blank keeps the stored one)", () => {
    const typed = channelFormToInput(form({ name: " hook ", url: "http://127.0.0.1:9/x", secret: "s3cret", minSeverity: "critical", clusters: "shop, , billing" }), "webhook");
    expect(typed).toEqual({ name: "hook", url: "http://127.0.0.1:9/x", secret: "s3cret", minSeverity: "critical", clusters: ["shop", "billing"] });
    const blank = channelFormToInput(form({ name: "hook", url: "http://x", secret: "" }), "webhook");
    expect(blank).not.toHaveProperty("secret");
    expect(blank).toMatchObject({ minSeverity: "warning", clusters: [] });
  });

  it("builds the SMTP settings of an e-mail channel, the password only when typed", () => {
    const body = channelFormToInput(form({ name: "mail", smtpHost: "smtp.example", smtpPort: "587", smtpTls: "starttls", smtpUser: "u", smtpPassword: "", smtpFrom: "a@example", to: "b@example, c@example" }), "email");
    expect(body).toEqual({ name: "mail", minSeverity: "warning", clusters: [], smtp: { host: "smtp.example", port: 587, tls: "starttls", user: "u", from: "a@example" }, to: ["b@example", "c@example"] });
    expect(body).not.toHaveProperty("url");
    const withPassword = channelFormToInput(form({ name: "m", smtpHost: "h", smtpPassword: "pw", smtpFrom: "a@x", to: "b@x" }), "email");
    expect(withPassword.smtp).toMatchObject({ password: "pw", port: undefined });
  });

  it("sends no secret for slack or alertmanager", () => {
    expect(channelFormToInput(form({ name: "s", url: "https://hooks.example/T1", secret: "x" }), "slack")).not.toHaveProperty("secret");
  });
});

describe("silence form", () => {
  it("prefers an end time over minutes and drops empty matchers", () => {
    expect(silenceFormToInput(form({ serverId: "s1", cluster: "", code: "", minutes: "60", endsAt: "2026-12-02T10:00:00.000Z", reason: " maintenance " }))).toEqual({ serverId: "s1", cluster: undefined, code: undefined, endsAt: "2026-12-02T10:00:00.000Z", reason: "maintenance" });
    expect(silenceFormToInput(form({ cluster: "shop", minutes: "30", endsAt: "", reason: "" }))).toEqual({ serverId: undefined, cluster: "shop", code: undefined, minutes: 30, reason: "" });
  });
});
