// On-call alerts in the browser, against real sandboxes and a real HTTP receiver on loopback: a webhook channel,
// a broken replica firing on /alerts with its duration and in the nav, a silence from the server page, an acknowledgement.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { openClusterTab } from "./topology-tabs";
import { addUser, signIn } from "./accounts";
import { injectDuplicateKeyConflict, type Sandbox, startSandboxes, teardownAll, wireReplication } from "../sandbox";

const OPERATOR = { username: "op-alerts", password: "operator password 2" };
const SECRET = "e2e-webhook-secret";
let S: Sandbox, R: Sandbox;
let replicaId = "";
let receiver: http.Server;
let receiverUrl = "";
/** Every request the receiver got: its JSON body and whether its signature matched. */
const received: { body: { status?: string; alert?: { code?: string; serverName?: string } } & Record<string, unknown>; signed: boolean }[] = [];
const violations: string[] = [];

test.describe.configure({ mode: "serial" });

function startReceiver(): Promise<void> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const expected = `sha256=${crypto.createHmac("sha256", SECRET).update(raw).digest("hex")}`;
      try {
        received.push({ body: JSON.parse(raw.toString("utf8")) as (typeof received)[number]["body"], signed: req.headers["x-replscope-signature"] === expected });
      } catch {
        received.push({ body: { unparsable: raw.toString("utf8") }, signed: false });
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) => receiver.listen(0, "127.0.0.1", () => {
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    resolve();
  }));
}

/** Records CSP violations and console errors about the policy on a page. */
async function watchCsp(page: Page) {
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`)));
}

test.beforeAll(async ({ request }) => {
  await startReceiver();
  [S, R] = await startSandboxes(2);
  await wireReplication(S, R);
  for (const [name, sb] of [["al-src", S], ["al-replica", R]] as const) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "alerts-e2e" } });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    if (name === "al-replica") replicaId = id;
  }
});

test.afterAll(async () => {
  await teardownAll();
  await new Promise((r) => receiver.close(r));
});

let op: Page;

async function operatorPage(page: Page, browser: Browser): Promise<Page> {
  await addUser(page, OPERATOR, "operator");
  const p = await (await browser.newContext({ extraHTTPHeaders: {} })).newPage();
  await watchCsp(p);
  await signIn(p, OPERATOR);
  return p;
}

test("an admin adds a webhook channel on /settings/alerts and its test notification reaches the receiver", async ({ page }) => {
  await watchCsp(page);
  await page.goto("/settings/alerts");
  const add = page.getByRole("form", { name: "Add channel" });
  await add.getByLabel("Kind").selectOption("webhook");
  await add.getByLabel("Name").fill("e2e-hook");
  await add.getByLabel("URL").fill(receiverUrl);
  await add.getByLabel("Signing secret").fill(SECRET);
  await add.getByRole("button", { name: "Add channel" }).click();
  const row = page.locator('tr[data-channel="e2e-hook"]');
  await expect(row).toContainText("webhook");
  await expect(row).toContainText(receiverUrl);
  // The secret is write-only: never shown, not even in the edit form.
  await expect(page.locator("body")).not.toContainText(SECRET);
  await row.getByRole("button", { name: "Edit e2e-hook" }).click();
  await expect(page.getByRole("form", { name: "Edit channel e2e-hook" }).getByLabel("Signing secret")).toHaveValue("");

  await row.getByRole("button", { name: "Send test notification through e2e-hook" }).click();
  await expect(row.getByRole("status")).toContainText(/^ok: /);
  await expect.poll(() => received.length).toBeGreaterThan(0);
  expect(received.every((r) => r.signed)).toBe(true);
});

test("a broken replica fires: /alerts shows it with its duration, the nav and the tab title count it, the receiver is told", async ({ page }) => {
  await watchCsp(page);
  await injectDuplicateKeyConflict(S, R);
  await page.goto("/alerts");
  const firing = page.getByRole("region", { name: "Firing" });
  const alert = firing.locator('tr[data-server="al-replica"][data-code="ReplicationBroken"]');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert.locator('[data-col="since"]')).toHaveText(/^firing · \d+ (s|min)/);
  await expect(alert).toContainText("Duplicate entry");
  await expect(page.getByRole("navigation", { name: "Main" }).getByTestId("firing-count")).toHaveText(/^[1-9]\d*$/);
  await expect(page).toHaveTitle(/^\(\d+\) [a-z ]+ · \d+ firing · Alerts · replscope$/);

  await expect.poll(() => received.filter((r) => r.body.status === "firing" && r.body.alert?.code === "ReplicationBroken" && r.body.alert.serverName === "al-replica").length, { timeout: 30_000 }).toBe(1);
  expect(received.every((r) => r.signed)).toBe(true);

  // Since when, elsewhere: the overview row and the server page say how long the replica has been broken.
  await page.goto("/");
  await expect(page.locator('li[data-server="al-replica"] [data-col="state"]')).toHaveText(/broken · \d+ (s|min)/);
  await expect(page.locator('li[data-server="al-replica"] [data-problem="ReplicationBroken"]')).toContainText(/for \d+ (s|min)/);
  await page.goto(`/servers/${replicaId}`);
  const status = page.getByRole("region", { name: "Replication status" });
  await expect(status.getByTestId("state-since")).toHaveText(/broken · \d+ (s|min)/);
  await expect(status.locator('[data-problem="ReplicationBroken"]')).toContainText(/for \d+ (s|min)/);
  // And the topology node's tooltip.
  await page.goto("/topology");
  await openClusterTab(page, "alerts-e2e", 2);
  const node = page.getByTestId("topology-canvas").locator('[data-node="al-replica"]');
  await node.hover();
  await expect(node).toHaveAttribute("title", /broken for \d+ (s|min) \(since \d\d:\d\d UTC\)\nReplicationBroken for \d+ (s|min): /);
});

test("an operator silences the server from its page for 1 h (a reason is required), then acknowledges the alert", async ({ page, browser, request }) => {
  op = await operatorPage(page, browser);
  await op.goto(`/servers/${replicaId}`);
  await op.getByRole("button", { name: "Silence 1 h" }).click();
  const form = op.getByRole("form", { name: "Silence al-replica" });
  await form.getByLabel("Reason for silencing 1 h").fill("e2e maintenance window");
  await form.getByRole("button", { name: "Silence al-replica for 1 h" }).click();
  await expect(form.getByRole("status")).toContainText("Silenced");

  await op.goto("/alerts");
  const silenced = op.getByRole("region", { name: "Silenced" }).locator('tr[data-server="al-replica"][data-code="ReplicationBroken"]');
  await expect(silenced).toBeVisible({ timeout: 15_000 });
  await expect(silenced.getByTestId("silenced-mark")).toHaveText("silenced");
  const silences = op.getByRole("region", { name: "Silences" });
  await expect(silences.locator("tr", { hasText: "e2e maintenance window" })).toContainText("server al-replica");
  await expect(silences.locator("tr", { hasText: "e2e maintenance window" })).toContainText(OPERATOR.username);

  // The backend audits it under the operator's name.
  await expect.poll(async () => {
    const { entries } = (await (await request.get("/api/audit?action=silence.create")).json()) as { entries: { actor: string; action: string }[] };
    return entries.filter((e) => e.actor === OPERATOR.username).length;
  }).toBe(1);

  await silenced.getByRole("button", { name: "Acknowledge ReplicationBroken on al-replica" }).click();
  await expect(silenced.getByTestId("acknowledged-by")).toHaveText(`acknowledged by ${OPERATOR.username}`);

  // Expiring the silence puts the alert back among the firing ones, still acknowledged.
  await silences.locator("tr", { hasText: "e2e maintenance window" }).getByRole("button", { name: /^Expire silence/ }).click();
  const back = op.getByRole("region", { name: "Firing" }).locator('tr[data-server="al-replica"][data-code="ReplicationBroken"]');
  await expect(back).toBeVisible({ timeout: 15_000 });
  await expect(back.getByTestId("acknowledged-by")).toHaveText(`acknowledged by ${OPERATOR.username}`);
});

test("a silence without a reason is refused with a field error; the pages raised no CSP violation", async () => {
  await op.goto("/alerts");
  const create = op.getByRole("form", { name: "Create silence" });
  await create.getByLabel("Server").selectOption({ label: "al-src" });
  await create.getByLabel("Reason").fill("   ");
  await create.getByRole("button", { name: "Create silence" }).click();
  await expect(create.getByText("A reason is required")).toBeVisible();
  await expect(create.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost.
  await expect(create.getByLabel("Server").locator("option:checked")).toHaveText("al-src");
  expect(violations).toEqual([]);
});

test("a viewer sees the alerts and silences but no control to change them", async ({ page, browser }) => {
  const viewer = { username: "viewer-alerts", password: "viewer password 3" };
  await addUser(page, viewer, "viewer");
  const v = await (await browser.newContext({ extraHTTPHeaders: {} })).newPage();
  await watchCsp(v);
  await signIn(v, viewer);
  await v.goto("/alerts");
  await expect(v.getByRole("region", { name: "Firing" }).locator('tr[data-server="al-replica"][data-code="ReplicationBroken"]')).toBeVisible();
  await expect(v.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(v.getByRole("form", { name: "Create silence" })).toHaveCount(0);
  await v.goto(`/servers/${replicaId}`);
  await expect(v.getByRole("heading", { level: 1, name: "al-replica" })).toBeVisible();
  await expect(v.getByRole("button", { name: "Silence 1 h" })).toHaveCount(0);
  await v.goto("/settings/alerts");
  await expect(v.getByRole("form", { name: "Add channel" })).toHaveCount(0);
  await expect(op.getByRole("region", { name: "Silences" }).locator("tr", { hasText: "al-src" })).toHaveCount(0);
  expect(violations).toEqual([]);
});
