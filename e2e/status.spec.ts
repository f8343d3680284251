// On-call in the browser, against real sandboxes: ok, delayed, broken, stopped, hung and source-down replicas.
import { expect, type Page, test } from "@playwright/test";
import {
  createUser, injectDuplicateKeyConflict, type Sandbox, setMasterDelay, startSandboxes, stopReplicaSqlThread, teardownAll, waitForSlave, wireReplication,
} from "../sandbox";

const PASSWORD = "st'atus\\pw";
let S: Sandbox, ok: Sandbox, delayed: Sandbox, broken: Sandbox, stopped: Sandbox;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, ok, delayed, broken, stopped] = await startSandboxes(5);
  await createUser(S, "mon", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS"]);
  for (const r of [ok, delayed, broken, stopped]) await wireReplication(S, r);
  const names: [string, Sandbox][] = [["st-source", S], ["st-ok", ok], ["st-delayed", delayed], ["st-broken", broken], ["st-stopped", stopped]];
  for (const [name, sb] of names) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "mon", password: PASSWORD, cluster: "status-e2e" } });
    expect(res.status()).toBe(201);
  }
  await setMasterDelay(delayed, 30);
  await S.query("CREATE DATABASE IF NOT EXISTS e2e");
  await stopReplicaSqlThread(stopped);
  await injectDuplicateKeyConflict(S, broken);
  await waitForSlave(delayed, (r) => Number(r.Seconds_Behind_Master) >= 1);
});

test.afterAll(teardownAll);

const row = (page: Page, name: string) => page.locator(`li[data-server="${name}"]`);

test("the overview shows each replica's honest state, lag and error", async ({ page, request }) => {
  await page.goto("/");
  await expect(row(page, "st-ok")).toHaveAttribute("data-state", "ok");
  await expect(row(page, "st-ok").locator('[data-col="lag"]')).toContainText("0 s");
  await expect(row(page, "st-delayed")).toHaveAttribute("data-state", "ok");
  await expect(row(page, "st-delayed").locator('[data-col="delay"]')).toHaveText("delayed by design: 30 s");
  await expect(row(page, "st-broken")).toHaveAttribute("data-state", "broken");
  await expect(row(page, "st-broken").locator('[data-problem="ReplicationBroken"]')).toContainText("error 1062");
  await expect(row(page, "st-broken").locator('[data-problem="ReplicationBroken"]')).toContainText("Duplicate entry");
  await expect(row(page, "st-stopped")).toHaveAttribute("data-state", "stopped");
  await expect(row(page, "st-stopped").locator('[data-col="lag"]')).toContainText(/^unknown/);

  const { servers } = await (await request.get("/api/status")).json();
  const byName = Object.fromEntries(servers.map((s: { name: string }) => [s.name, s]));
  expect(byName["st-ok"]).toMatchObject({ state: "ok", lagSeconds: 0, lagSource: "seconds_behind" });
  expect(byName["st-delayed"].channels[0].sqlDelay).toBe(30);
  expect(byName["st-broken"].channels[0]).toMatchObject({ lastSqlErrno: 1062, sqlThread: "stopped" });
  expect(byName["st-stopped"].state).toBe("stopped");
  expect(byName["st-stopped"].lagSource === "estimated" || byName["st-stopped"].lagSeconds === null).toBe(true);
});

test("a SIGSTOPped replica becomes unreachable while the others stay fresh", async ({ page }) => {
  await page.goto("/");
  await ok.pause();
  try {
    await expect(row(page, "st-ok")).toHaveAttribute("data-state", "unreachable", { timeout: 15_000 });
    await expect(row(page, "st-ok").locator('[data-problem="Unreachable"]')).toContainText("Timed out");
    for (const name of ["st-delayed", "st-broken", "st-stopped"]) await expect(row(page, name).locator('[data-col="checked"]')).not.toContainText("stale");
  } finally {
    await ok.resume();
  }
  await expect(row(page, "st-ok")).toHaveAttribute("data-state", "ok", { timeout: 15_000 });
});

test("stopping the source turns its replicas to 'cannot reach source'", async ({ page }) => {
  await S.stop();
  try {
    await page.goto("/");
    await expect(row(page, "st-source")).toHaveAttribute("data-state", "unreachable", { timeout: 15_000 });
    await expect(row(page, "st-ok")).toHaveAttribute("data-state", "connecting", { timeout: 30_000 });
    await expect(row(page, "st-ok").locator('[data-problem="IOThreadConnecting"]')).toBeVisible();
  } finally {
    await S.start();
  }
});

test("the server page groups every field and charts lag", async ({ page }) => {
  await page.goto("/");
  await row(page, "st-broken").getByRole("link", { name: "st-broken" }).click();
  const panel = page.getByRole("region", { name: "Replication status" });
  await expect(panel).toContainText(/1062: Could not execute .*Duplicate entry/);
  await expect(panel).toContainText("Configured delay");
  await expect(panel).toContainText("binlog_format");
  await expect(page.getByRole("region", { name: "Lag chart" })).toBeVisible();
  const day = page.getByRole("group", { name: "Range" }).getByRole("button", { name: "last 24 h" });
  await day.click();
  await expect(day).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "last 1 h" })).toHaveAttribute("aria-pressed", "false");
});
