// An operator at a replica's page: stop and start replication with a preview and confirmation; both land in the audit trail.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addUser, signIn } from "./accounts";
import { injectDuplicateKeyConflict, type Sandbox, slaveStatus, startSandboxes, teardownAll, waitForSlave, wireReplication } from "../sandbox";

const OPERATOR = { username: "op-e2e", password: "operator password 1" };
let S: Sandbox, R: Sandbox;
let replicaId = "";
let sourceId = "";
let op: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, R] = await startSandboxes(2);
  await wireReplication(S, R);
  for (const [name, sb] of [["ops-src", S], ["ops-replica", R]] as const) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "ops-e2e" } });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    if (name === "ops-replica") replicaId = id;
    else sourceId = id;
  }
});

test.afterAll(teardownAll);

async function operatorPage(page: Page, browser: Browser): Promise<Page> {
  await addUser(page, OPERATOR, "operator");
  const op = await (await browser.newContext({ extraHTTPHeaders: {} })).newPage();
  await signIn(op, OPERATOR);
  await expect(op.getByTestId("signed-in")).toHaveText(`${OPERATOR.username} (operator)`);
  return op;
}

test("an operator stops and starts replication; both appear in the audit page with their statements", async ({ page, browser }) => {
  op = await operatorPage(page, browser);
  const panel = op.getByRole("region", { name: "Replication operations" });
  await expect(async () => {
    await op.goto(`/servers/${replicaId}`);
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(op.getByRole("button", { name: "Edit" })).toHaveCount(0);
  // Its only peer is its own source: nothing to repoint to, so no repoint control.
  await expect(panel.getByLabel("Repoint to")).toHaveCount(0);

  await panel.getByRole("button", { name: "Stop replication…" }).click();
  const stop = op.getByRole("dialog", { name: "Confirm: stop replication" });
  await expect(stop.getByTestId("operation-statements")).toHaveText("STOP REPLICA;");
  await stop.getByRole("button", { name: "Stop replication on ops-replica" }).click();
  await expect(stop.getByRole("status")).toContainText("Done. ops-replica now:");
  await expect(stop.getByRole("status")).toContainText("IO stopped, SQL stopped");
  expect((await slaveStatus(R))?.Slave_SQL_Running).toBe("No");

  await panel.getByRole("button", { name: "Start replication…" }).click();
  const start = op.getByRole("dialog", { name: "Confirm: start replication" });
  await expect(start.getByTestId("operation-statements")).toHaveText("START REPLICA;");
  await start.getByRole("button", { name: "Start replication on ops-replica" }).click();
  await expect(start.getByRole("status")).toContainText("IO running, SQL running");
  await waitForSlave(R, (r) => r.Slave_IO_Running === "Yes" && r.Slave_SQL_Running === "Yes");

  await panel.getByRole("button", { name: "Start replication…" }).click();
  await expect(panel.getByRole("alert")).toContainText("Replication already runs on ops-replica.");

  await op.goto(`/audit?server=${replicaId}`);
  const rows = op.getByRole("table", { name: "Audit entries" }).locator("tbody tr");
  await expect(rows.filter({ hasText: /STOP REPLICA/ }).filter({ hasText: OPERATOR.username })).toHaveCount(1);
  await expect(rows.filter({ hasText: /START REPLICA/ }).filter({ hasText: OPERATOR.username })).toHaveCount(1);
  await expect(rows.filter({ hasText: "operation.stop" }).first()).toContainText("ops-replica");
});

test("an operator skips a broken replica's failing transaction after typing its name", async () => {
  await injectDuplicateKeyConflict(S, R);
  const panel = op.getByRole("region", { name: "Replication operations" });
  await expect(async () => {
    await op.goto(`/servers/${replicaId}`);
    await expect(panel.getByRole("button", { name: "Skip failing transaction…" })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await panel.getByRole("button", { name: "Skip failing transaction…" }).click();
  const skip = op.getByRole("dialog", { name: "Confirm: skip the failing transaction" });
  await expect(skip.getByTestId("operation-statements")).toHaveText("STOP REPLICA;\nSET GLOBAL sql_slave_skip_counter = 1;\nSTART REPLICA;");
  await expect(skip).toContainText("data may now differ");
  const confirm = skip.getByRole("button", { name: "Skip the failing transaction on ops-replica" });
  await expect(confirm).toBeDisabled();
  await skip.getByLabel("Server name").fill("ops-src");
  await expect(confirm).toBeDisabled();
  await skip.getByLabel("Server name").fill("ops-replica");
  await confirm.click();
  await expect(skip.getByRole("status")).toContainText("IO running, SQL running");
  await waitForSlave(R, (r) => r.Slave_SQL_Running === "Yes" && Number(r.Last_SQL_Errno) === 0);
});

test("an operator switches the source over to its replica and watches every step", async () => {
  await op.goto(`/servers/${sourceId}`);
  await expect(op.getByTestId("server-lag")).toHaveText("not a replica");
  await op.getByRole("region", { name: "Replication operations" }).getByRole("link", { name: "Planned switchover…" }).click();
  await expect(op).toHaveURL(`/servers/${sourceId}/switchover`);
  const row = op.locator('tr[data-candidate="ops-replica"]');
  await expect(row).toHaveAttribute("data-ready", "true");
  await expect(row.locator('[data-col="score"]')).toHaveText("100/100");
  const form = op.getByRole("form", { name: "Start switchover" });
  await expect(form.getByLabel("Replication user the old source connects with")).toHaveValue("repl");
  await form.getByLabel(/Its password/).fill("repl-pass");
  await form.getByLabel("Source name").fill("ops-replica");
  await form.getByRole("button", { name: "Switch ops-src over to ops-replica" }).click();
  await expect(form.getByRole("alert")).toHaveText("Type the source's name (ops-src) to confirm.");
  await form.getByLabel(/Its password/).fill("repl-pass");
  await form.getByLabel("Source name").fill("ops-src");
  await form.getByRole("button", { name: "Switch ops-src over to ops-replica" }).click();
  await expect(op).toHaveURL(/\/switchovers\//);
  await expect(op.getByTestId("switchover-status")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(op.locator('li[data-step="promote"]')).toContainText("RESET REPLICA ALL");
  await expect(op.locator('li[data-server="ops-src"]')).toContainText("read-only");
  await expect(op.locator('li[data-server="ops-replica"]')).toContainText("not replicating; writable");
  expect(await R.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
  expect(Number((await slaveStatus(S))?.Master_Port)).toBe(R.port);
  expect(await op.content()).not.toContain("repl-pass");
});
