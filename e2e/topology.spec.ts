// Topology in Chromium on sandboxes: discover from one replica (unregistered servers are contacted only after opting in),
// register, see nodes and edges, a broken link turns red.
import { expect, test } from "@playwright/test";
import { openClusterTab } from "./topology-tabs";
import { createUser, injectDuplicateKeyConflict, type Sandbox, startSandboxes, teardownAll, waitForCaughtUp, wireMasterMaster, wireReplication } from "../sandbox";

const PASSWORD = "topo'pw";
let S: Sandbox, M2: Sandbox, R1: Sandbox, R2: Sandbox;
const addr = (sb: Sandbox) => `${sb.host}:${sb.port}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, M2, R1, R2] = await startSandboxes(4);
  await createUser(S, "topo", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS", "REPLICATION MASTER ADMIN"]);
  await wireMasterMaster(S, M2);
  await wireReplication(S, R1);
  await wireReplication(R1, R2);
  await Promise.all([R1, R2].map((r) => r.query("SET GLOBAL read_only = ON")));
  await waitForCaughtUp(S, R2);
  const res = await request.post("/api/servers", { data: { name: "topo-r2", host: R2.host, port: R2.port, user: "topo", password: PASSWORD, cluster: "topo" } });
  expect(res.status()).toBe(201);
});

test.afterAll(teardownAll);

test("without the opt-in, discovery reports the unregistered source but does not contact it", async ({ page }) => {
  await page.goto("/topology/discover");
  await page.getByLabel("Start from").selectOption({ label: "topo-r2" });
  await expect(page.getByLabel("Try the seed's credentials on servers not yet registered")).not.toBeChecked();
  await page.getByRole("button", { name: "Discover" }).click();
  await expect(page.locator(`tr[data-found="${addr(R2)}"]`)).toContainText("reachable");
  await expect(page.locator(`tr[data-found="${addr(R1)}"]`)).toContainText("not registered; not contacted");
  await expect(page.locator(`tr[data-found="${addr(S)}"]`)).toHaveCount(0);
});

test("discovery from one replica finds the chain and the master-master partner, and registers them", async ({ page }) => {
  await page.goto("/topology/discover");
  await page.getByLabel("Start from").selectOption({ label: "topo-r2" });
  await page.getByLabel("Try the seed's credentials on servers not yet registered").check();
  await page.getByRole("button", { name: "Discover" }).click();
  for (const sb of [S, M2, R1]) await expect(page.locator(`tr[data-found="${addr(sb)}"]`)).toContainText("reachable");
  await expect(page.locator(`tr[data-found="${addr(R2)}"]`)).toContainText("registered as topo-r2");
  for (const [sb, name] of [[S, "topo-s"], [M2, "topo-m2"], [R1, "topo-r1"]] as const) {
    await page.getByLabel(`Register ${addr(sb)}`).check();
    await page.getByLabel(`Name for ${addr(sb)}`).fill(name);
  }
  await page.getByRole("button", { name: "Register 3 servers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the credentials" })).toContainText("Choose the credentials to register them with: the seed's, or other ones");
  await page.getByLabel("Use the seed's credentials").check();
  await page.getByLabel("Seed's password").fill("not-the-seed's");
  await page.getByRole("button", { name: "Register 3 servers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "does not match" })).toContainText("The seed's password does not match the stored one.");
  await page.getByLabel("Seed's password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register 3 servers" }).click();
  await expect(page.getByRole("status")).toContainText("topo-s: registered (connection ok)");
  await expect(page.getByRole("status")).toContainText("topo-r1: registered (connection ok)");
});

test("the graph shows the right nodes, roles and edges; a duplicate-key conflict turns the link red", async ({ page, request }) => {
  await expect.poll(async () => {
    const { clusters } = await (await request.get("/api/topology")).json();
    const c = clusters.find((x: { name: string }) => x.name === "topo");
    return c ? c.edges.length : 0;
  }, { timeout: 20_000 }).toBe(4);
  await page.goto("/topology");
  await openClusterTab(page, "topo", 4);
  const canvas = page.getByTestId("topology-canvas");
  for (const [name, role] of [["topo-s", "co-source"], ["topo-m2", "co-source"], ["topo-r1", "relay"], ["topo-r2", "replica"]]) {
    await expect(canvas.locator(`[data-node="${name}"]`)).toHaveAttribute("data-role", role);
  }
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(4);
  await expect(canvas.locator(".react-flow__edge.edge-broken")).toHaveCount(0);

  await injectDuplicateKeyConflict(S, R1);
  const broken = canvas.locator(".react-flow__edge.edge-broken");
  await expect(broken).toHaveCount(1, { timeout: 20_000 });
  await expect(broken.locator("path.react-flow__edge-path")).toHaveCSS("stroke", "rgb(220, 38, 38)");
  await expect(broken).toContainText("broken");

  await page.getByLabel("Text table view").check();
  await expect(page.locator('tr[data-edge="topo-s->topo-r1"]')).toHaveAttribute("data-state", "broken");
  await expect(page.locator('tr[data-edge="topo-s->topo-r1"]')).toContainText("1062");
  await expect(page.locator('tr[data-edge="topo-r1->topo-r2"]')).toHaveAttribute("data-state", "ok");
});

test("clicking a node opens the server page", async ({ page }) => {
  await page.goto("/topology");
  await openClusterTab(page, "topo", 4);
  const node = page.getByTestId("topology-canvas").locator('[data-node="topo-r2"]');
  await expect(node).toBeVisible();
  await expect(async () => {
    await node.click();
    await expect(page).toHaveURL(/\/servers\/[^/]+$/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "topo-r2" })).toBeVisible();
});
