// The whole wizard in Chromium on sandboxes: several databases (one table MyISAM) onto an empty target, then replication.
import { expect, test } from "@playwright/test";
import { openClusterTab } from "./topology-tabs";
import { type Sandbox, startSandboxes, teardownAll, waitForCaughtUp } from "../sandbox";

const PASSWORD = `wiz'a"rd\\pässwörd`;
let S: Sandbox, T: Sandbox;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, T] = await startSandboxes(2);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB");
  await S.query("INSERT INTO shop.items (name) SELECT CONCAT('item ', seq) FROM shop.seq_1_to_5000");
  await S.query("CREATE DATABASE crm");
  await S.query("CREATE TABLE crm.contacts (id INT PRIMARY KEY, email VARCHAR(64)) ENGINE=InnoDB");
  await S.query("INSERT INTO crm.contacts SELECT seq, CONCAT('c', seq, '@example.com') FROM crm.seq_1_to_300");
  await S.query("CREATE TABLE crm.audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(64)) ENGINE=MyISAM");
  await S.query("INSERT INTO crm.audit (msg) VALUES ('one'), ('two')");
  for (const [name, sb] of [["wiz-src", S], ["wiz-dst", T]] as const) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "wizard" } });
    expect(res.status()).toBe(201);
  }
});

test.afterAll(teardownAll);

test("the wizard bootstraps a replica: preflight, user, copy, point, start, verify, register", async ({ page }) => {
  await page.goto("/replicas/new");
  for (const [label, name] of [["Source", "wiz-src"], ["Target (the new replica)", "wiz-dst"]]) {
    const select = page.getByLabel(label, { exact: true });
    const options = await select.locator("option").allTextContents();
    await select.selectOption({ index: options.findIndex((t) => t.startsWith(`${name} —`)) });
  }
  await page.getByRole("textbox", { name: "Replication user" }).fill("wiz_repl");
  await page.getByLabel("User host pattern").fill("127.0.0.%");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create run (dry run first)" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "planned");
  const copyStep = page.locator('[data-step="copy"]');
  await expect(copyStep.getByRole("list", { name: "Will run" })).toContainText("FLUSH TABLES WITH READ LOCK");
  await expect(page.locator('[data-step="replication_user"]')).toContainText("IDENTIFIED BY '*****'");
  await page.getByRole("button", { name: /Show the runbook/ }).click();
  await expect(page.getByLabel("Runbook")).toContainText("mariadb-dump");
  await expect(page.getByLabel("Runbook")).not.toContainText("pässwörd");

  await page.getByRole("button", { name: /Run next step: Preflight/ }).click();
  await expect(page.locator('[data-step="preflight"]')).toHaveAttribute("data-step-status", "done", { timeout: 30_000 });
  await expect(page.locator('[data-check="distinct"]')).toHaveAttribute("data-verdict", "pass");
  await page.getByRole("button", { name: "Run all remaining steps" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(copyStep).toContainText("under FLUSH TABLES WITH READ LOCK (1 non-transactional table(s))");
  await expect(page.locator('[data-step="verify"]')).toContainText("MATCH shop.items: 5000 rows");
  await expect(page.locator('[data-step="verify"]')).toContainText("MATCH crm.contacts: 300 rows");

  expect(await T.query("SELECT COUNT(*) AS n FROM crm.audit")).toEqual([{ n: 2 }]);
  await S.query("INSERT INTO shop.items (name) VALUES ('written after the wizard')");
  await waitForCaughtUp(S, T);
  expect(await T.query("SELECT name FROM shop.items ORDER BY id DESC LIMIT 1")).toEqual([{ name: "written after the wizard" }]);
});

test("the audit page lists the wizard's statements with the password masked", async ({ page }) => {
  await page.goto("/audit?action=bootstrap");
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table).toContainText("CREATE USER 'wiz_repl'@'127.0.0.%' IDENTIFIED BY '*****'");
  await expect(table).toContainText("MASTER_PASSWORD='*****'");
  await expect(table).not.toContainText("pässwörd");
  await expect(table.locator("tr", { hasText: "CREATE USER 'wiz_repl'" }).first().locator("td").nth(1)).toHaveText("token:REPLSCOPE_API_TOKEN");
});

test("the target can be registered inline, and bad input there is shown on its fields", async ({ page }) => {
  const [T2] = await startSandboxes(1);
  await page.goto("/replicas/new");
  const source = page.getByLabel("Source", { exact: true });
  await source.selectOption({ index: (await source.locator("option").allTextContents()).findIndex((t) => t.startsWith("wiz-src —")) });
  await page.getByLabel("Target (the new replica)", { exact: true }).selectOption("__new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("wiz-inline");
  await page.getByRole("textbox", { name: "Host", exact: true }).fill("bad host!");
  await page.getByRole("button", { name: "Create run (dry run first)" }).click();
  await expect(page.getByText(/The new target could not be registered/)).toBeVisible();
  await expect(page.getByText("Enter a host name or IP address")).toBeVisible();
  await page.getByRole("textbox", { name: "Host", exact: true }).fill(T2.host);
  await page.getByRole("spinbutton", { name: "Port", exact: true }).fill(String(T2.port));
  await page.getByRole("textbox", { name: "User", exact: true }).fill("root");
  await page.getByRole("button", { name: "Create run (dry run first)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New replica: wiz-inline" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "planned");
});

test("the new replica appears in the graph below its source", async ({ page }) => {
  await page.goto("/topology");
  await openClusterTab(page, "wizard", 2);
  await page.getByLabel("Text table view").check();
  await expect(page.locator('tr[data-edge="wiz-src->wiz-dst"]')).toBeVisible({ timeout: 20_000 });
});
