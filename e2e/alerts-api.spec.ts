// The alerts JSON API through the built app: channels (secrets never returned), test notification, silences, alerts, rules.
import { expect, test } from "@playwright/test";

test.describe.configure({ mode: "serial" });

const anonymous = { headers: { Authorization: "" } };

test("alert channels: created with a secret that is never returned; a test to a dead URL reports why", async ({ request }) => {
  expect((await request.get("/api/alert-channels", anonymous)).status()).toBe(401);
  const bad = await request.post("/api/alert-channels", { data: { name: "e2e-bad", kind: "webhook" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors.url).toEqual(["URL is required"]);
  const res = await request.post("/api/alert-channels", { data: { name: "e2e-hook", kind: "webhook", url: "http://127.0.0.1:9/hook", secret: "e2e-hmac-secret", minSeverity: "critical" } });
  expect(res.status()).toBe(201);
  const created = await res.json();
  expect(created).toMatchObject({ name: "e2e-hook", kind: "webhook", hasSecret: true, minSeverity: "critical", clusters: [] });
  const listed = await (await request.get("/api/alert-channels")).text();
  expect(listed).toContain("e2e-hook");
  expect(listed).not.toContain("e2e-hmac-secret");
  const tested = await request.post(`/api/alert-channels/${created.id}/test`);
  expect(tested.status()).toBe(200);
  expect(await tested.json()).toMatchObject({ ok: false, detail: expect.stringMatching(/^cannot reach 127\.0\.0\.1:9: /) });
  const after = await (await request.get(`/api/alert-channels/${created.id}`)).json();
  expect(after).toMatchObject({ lastResult: "error", lastError: expect.stringMatching(/cannot reach/) });
  const patched = await request.patch(`/api/alert-channels/${created.id}`, { data: { secret: null } });
  expect((await patched.json()).hasSecret).toBe(false);
  expect((await request.delete(`/api/alert-channels/${created.id}`)).status()).toBe(200);
});

test("silences: 400 without a reason, an end or a match; 201 and listed; deleted", async ({ request }) => {
  const reg = await request.post("/api/servers", { data: { name: "e2e-silenced", host: "127.0.0.1", port: 19, user: "u", password: "p", cluster: "e2e-sil" } });
  const server = await reg.json();
  expect(server).toMatchObject({ id: expect.any(String) });
  expect((await request.post("/api/silences", { data: { serverId: server.id, minutes: 60 } })).status()).toBe(400);
  expect((await request.post("/api/silences", { data: { serverId: server.id, reason: "x" } })).status()).toBe(400);
  const none = await request.post("/api/silences", { data: { cluster: "no-such-cluster", minutes: 60, reason: "x" } });
  expect(await none.json()).toMatchObject({ fieldErrors: { cluster: ["This silence matches no registered server"] } });
  const ok = await request.post("/api/silences", { data: { serverId: server.id, minutes: 60, reason: "e2e maintenance" } });
  expect(ok.status()).toBe(201);
  const silence = await ok.json();
  expect(silence).toMatchObject({ serverId: server.id, serverName: "e2e-silenced", reason: "e2e maintenance", active: true });
  expect((await (await request.get("/api/silences")).json()).silences.map((s: { id: string }) => s.id)).toContain(silence.id);
  expect((await request.delete(`/api/silences/${silence.id}`)).status()).toBe(200);
  expect((await request.delete(`/api/silences/${silence.id}`)).status()).toBe(404);
  await request.delete(`/api/servers/${server.id}`);
});

test("alerts, acknowledge and rules answer in the documented shapes", async ({ request }) => {
  expect((await request.get("/api/alerts?state=bogus")).status()).toBe(400);
  const alerts = await (await request.get("/api/alerts?state=firing")).json();
  expect(Array.isArray(alerts.alerts)).toBe(true);
  expect((await request.post("/api/alerts/nope/ack")).status()).toBe(404);
  const put = await request.put("/api/alert-rules", { data: { rules: [{ code: "LagAboveWarning", forSeconds: 120 }] } });
  expect(await put.json()).toEqual({ rules: [{ code: "LagAboveWarning", cluster: null, serverId: null, forSeconds: 120 }] });
  expect((await request.put("/api/alert-rules", { data: { rules: [{ forSeconds: -1 }] } })).status()).toBe(400);
  await request.put("/api/alert-rules", { data: { rules: [] } });
  const status = await (await request.get("/api/status")).json();
  for (const s of status.servers) expect(s).toHaveProperty("stateSince");
});
