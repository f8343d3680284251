// Failover in Chromium on real MariaDB sandboxes with GTID: kill -9 the source; its page and its alert link to the
// failover page, which lists the replicas as candidates; the run page shows the steps live, then the report.
import { expect, test } from "@playwright/test";
import { type Sandbox, slaveStatus, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireGtidReplica } from "../sandbox";

let S: Sandbox, A: Sandbox, B: Sandbox;
const ids: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, A, B] = await startSandboxes(3);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40)) ENGINE=InnoDB");
  for (const r of [A, B]) await wireGtidReplica(S, r);
  await S.query("INSERT INTO shop.orders (item) VALUES ('before the kill')");
  for (const r of [A, B]) await waitForCaughtUp(S, r);
  for (const [sb, name] of [[S, "fe-s"], [A, "fe-a"], [B, "fe-b"]] as const) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "fe2e" } });
    expect(res.status()).toBe(201);
    ids[name] = (await res.json()).id;
  }
  // Seen alive once before it dies.
  await expect.poll(async () => (await (await request.get(`/api/servers/${ids["fe-s"]}/failover`)).json()).error ?? "", { timeout: 20_000 }).toMatch(/not dead/);
});

test.afterAll(teardownAll);

test("the dead source's page and its alert link to the failover page, which ranks its replicas", async ({ page }) => {
  await S.kill9();
  const problem = page.locator('[data-problem="DeadSource"]');
  await expect(async () => {
    await page.goto(`/servers/${ids["fe-s"]}`);
    await expect(problem).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(problem).toContainText("DeadSource");
  await problem.getByRole("link", { name: "Fail over…" }).click();
  await expect(page).toHaveURL(`/servers/${ids["fe-s"]}/failover`);
  await expect(page.getByRole("heading", { name: "Failover from fe-s" })).toBeVisible();
  await expect(page.getByTestId("detection")).toContainText("DeadSource");
  await expect(page.getByTestId("detection")).toContainText("confirmed by fe-a, fe-b");
  for (const name of ["fe-a", "fe-b"]) {
    const row = page.locator(`tr[data-candidate="${name}"]`);
    await expect(row).toHaveAttribute("data-ready", "true");
    await expect(row.locator('[data-check="gtid"]')).toHaveAttribute("data-ok", "true");
  }

  await expect(async () => {
    await page.goto("/alerts");
    await expect(page.locator('tr[data-code="DeadSource"][data-server="fe-s"]').getByRole("link", { name: "Fail over fe-s…" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.locator('tr[data-code="DeadSource"][data-server="fe-s"]').getByRole("link", { name: "Fail over fe-s…" }).click();
  await expect(page).toHaveURL(`/servers/${ids["fe-s"]}/failover`);
});

test("the run page shows each step live, then the report; the new source is writable and the other follows it", async ({ page }) => {
  await page.goto(`/servers/${ids["fe-s"]}/failover`);
  const form = page.getByRole("form", { name: "Start failover" });
  await form.getByLabel("New source").selectOption({ label: "fe-a" });
  await form.getByLabel("Source name").fill("fe-x");
  await form.getByRole("button", { name: "Fail over to fe-a" }).click();
  await expect(form.getByRole("alert")).toContainText("fe-s");
  await form.getByLabel("Source name").fill("fe-s");
  await form.getByRole("button", { name: "Fail over to fe-a" }).click();
  await expect(page).toHaveURL(/\/failovers\//);
  const url = page.url();
  // Every step is listed from the start; they settle one by one without reloading the page.
  await expect(page.locator("li[data-step]")).toHaveCount(7);
  await expect(page.getByTestId("failover-status")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  expect(page.url()).toBe(url);
  for (const step of ["verify_dead", "stop_receivers", "catch_up", "apply_relay", "promote", "repoint", "report"]) await expect(page.locator(`li[data-step="${step}"]`)).toHaveAttribute("data-status", "done");
  await expect(page.locator('li[data-step="promote"]')).toContainText("RESET");
  await expect(page.getByTestId("failover-status")).toContainText("fe-s → fe-a");
  const report = page.getByRole("region", { name: "Failover report" });
  await expect(report.locator('li[data-server="fe-a"]')).toBeVisible();
  await expect(report.locator('li[data-server="fe-b"]')).toBeVisible();
  await expect(report.getByTestId("lost")).not.toBeEmpty();
  expect(await A.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
  const st = await waitForSlave(B, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes");
  expect(Number(st.Master_Port)).toBe(A.port);
  expect(await slaveStatus(A)).toBeUndefined();
  expect(await A.query("SELECT COUNT(*) AS n FROM shop.orders")).toEqual([{ n: 1 }]);
});

test("an admin sets the cluster's failover settings on /settings/clusters; the hook secret is write-only", async ({ page, request }) => {
  await page.goto("/settings");
  await page.getByRole("link", { name: "Cluster failover settings" }).click();
  await expect(page).toHaveURL("/settings/clusters");
  const form = page.getByRole("form", { name: "Failover settings of fe2e" });
  await expect(form.getByLabel(/Fence a returned former source/)).toBeChecked();
  await expect(form.getByLabel("Automatic failover (GTID only)")).not.toBeChecked();
  await form.getByLabel(/Hook URLs/).fill("ftp://hooks.example/failover");
  await form.getByRole("button", { name: "Save fe2e" }).click();
  await expect(form.getByRole("alert")).toContainText("Only http(s) URLs");
  // React resets an uncontrolled form after its action: the fields are set again after the refusal.
  await form.getByLabel("Automatic failover (GTID only)").check();
  await form.getByLabel(/Fence a returned former source/).uncheck();
  await form.getByLabel("Delay (s)").fill("20");
  await form.getByLabel("Cooldown (s)").fill("900");
  await form.getByLabel(/Hook URLs/).fill("https://hooks.example/failover");
  await form.getByLabel(/Hook signing secret/).fill("e2e-hook-secret-xyz");
  await form.getByRole("button", { name: "Save fe2e" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved the failover settings of fe2e.");
  const saved = await (await request.get("/api/clusters/fe2e/settings")).json();
  expect(saved).toEqual({ cluster: "fe2e", fencing: false, autoFailover: true, autoDelaySeconds: 20, cooldownSeconds: 900, hookUrls: ["https://hooks.example/failover"], hasHookSecret: true });
  await page.reload();
  await expect(page.getByRole("form", { name: "Failover settings of fe2e" }).getByText("set; leave empty to keep it")).toBeVisible();
  expect(await page.content()).not.toContain("e2e-hook-secret-xyz");
});
