// A small real Galera cluster (two members) in Chromium: one group box in the graph, the member table on a member's page.
import { expect, test } from "@playwright/test";
import { openClusterTab } from "./topology-tabs";
import { createUser, type GaleraCluster, startGaleraCluster, teardownAll } from "../sandbox";

let cluster: GaleraCluster;
const ids: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(400_000);
  cluster = await startGaleraCluster(2, "e2e-galera");
  await createUser(cluster.members[0], "gmon", "%", "gmon-pw", ["SLAVE MONITOR", "BINLOG MONITOR", "PROCESS", "SELECT"]);
  for (const [i, m] of cluster.members.entries()) {
    const res = await request.post("/api/servers", { data: { name: `gal-e2e-${i + 1}`, host: m.host, port: m.port, user: "gmon", password: "gmon-pw" } });
    expect(res.status()).toBe(201);
    ids.push((await res.json()).id);
  }
});

test.afterAll(teardownAll);

test("the Galera cluster is one group box holding both members", async ({ page, request }) => {
  await expect.poll(async () => {
    const { clusters } = await (await request.get("/api/topology")).json();
    return clusters.flatMap((c: { groups: { kind: string; members: string[] }[] }) => c.groups).filter((g: { kind: string }) => g.kind === "galera").map((g: { members: string[] }) => g.members.length);
  }, { timeout: 30_000 }).toEqual([2]);
  await page.goto("/topology");
  await openClusterTab(page, "e2e-galera", 2);
  const canvas = page.getByTestId("topology-canvas");
  const box = canvas.locator('[data-group="e2e-galera"]');
  await expect(box).toHaveAttribute("data-group-kind", "galera");
  await expect(box).toContainText("Galera cluster: e2e-galera (2 members)");
  // Both members are drawn inside the box, side by side (same row).
  const outer = (await box.boundingBox())!;
  const nodes = await Promise.all(["gal-e2e-1", "gal-e2e-2"].map(async (n) => (await canvas.locator(`[data-node="${n}"]`).boundingBox())!));
  for (const n of nodes) {
    expect(n.x).toBeGreaterThanOrEqual(outer.x);
    expect(n.y).toBeGreaterThanOrEqual(outer.y);
    expect(n.x + n.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
    expect(n.y + n.height).toBeLessThanOrEqual(outer.y + outer.height + 1);
  }
  expect(Math.abs(nodes[0].y - nodes[1].y)).toBeLessThan(2);
});

test("a member's page shows the member table and the galera fields of its JSON", async ({ page, request }) => {
  const status = await (await request.get(`/api/servers/${ids[0]}/status`)).json();
  expect(status.report.galera).toMatchObject({ member: true, clusterName: "e2e-galera", clusterSize: 2, clusterStatus: "Primary", localState: "Synced" });
  await page.goto(`/servers/${ids[0]}`);
  const table = page.getByRole("table", { name: "Galera members" });
  await expect(table.locator("tbody tr")).toHaveCount(2);
  for (const m of cluster.members) {
    const row = table.locator(`tr[data-member="127.0.0.1:${m.port}"]`);
    await expect(row.locator('[data-field="component"]')).toHaveText("Primary");
    await expect(row.locator('[data-field="local-state"]')).toHaveText("Synced");
    await expect(row.locator('[data-field="in-view"]')).toHaveText("yes");
  }
  await expect(table.getByRole("link", { name: "gal-e2e-2" })).toBeVisible();
});
