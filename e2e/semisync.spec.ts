// Semi-sync in Chromium on real sandboxes: the acknowledging replica's edge is marked in the graph (with its legend),
// and the source's page shows semi-sync active, then fallen back to async.
import { expect, test } from "@playwright/test";
import { openClusterTab } from "./topology-tabs";
import { type Sandbox, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireReplication } from "../sandbox";

let S: Sandbox, R: Sandbox, A: Sandbox;
const ids: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  [S, R, A] = await startSandboxes(3);
  await wireReplication(S, R);
  await wireReplication(S, A);
  await S.query("SET GLOBAL rpl_semi_sync_master_enabled = ON, rpl_semi_sync_master_timeout = 500");
  await R.query("SET GLOBAL rpl_semi_sync_slave_enabled = ON");
  await R.query("STOP SLAVE IO_THREAD");
  await R.query("START SLAVE IO_THREAD");
  await waitForSlave(R, (r) => r.Slave_IO_Running === "Yes");
  await S.query("CREATE DATABASE semi");
  await waitForCaughtUp(S, R);
  for (const [sb, name] of [[S, "semi-s"], [R, "semi-r"], [A, "semi-a"]] as const) {
    const res = await request.post("/api/servers", { data: { name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "semi" } });
    expect(res.status()).toBe(201);
    ids[name] = (await res.json()).id;
  }
});

test.afterAll(teardownAll);

test("the acknowledging replica's edge is drawn as semi-sync, the asynchronous one is not; the legend explains it", async ({ page, request }) => {
  await expect.poll(async () => {
    const { clusters } = await (await request.get("/api/topology")).json();
    const c = clusters.find((x: { name: string }) => x.name === "semi");
    return (c?.edges ?? []).filter((e: { semiSync: boolean }) => e.semiSync).length;
  }, { timeout: 20_000 }).toBe(1);
  await page.goto("/topology");
  await openClusterTab(page, "semi", 3);
  const canvas = page.getByTestId("topology-canvas");
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(2);
  const semi = canvas.locator(".react-flow__edge.edge-semisync");
  await expect(semi).toHaveCount(1);
  await expect(semi).toContainText("semi-sync");
  await expect(semi.locator("path.react-flow__edge-path")).toHaveCSS("stroke-dasharray", "10px, 3px");
  // The asynchronous edge is solid, as the legend draws "ok": a dashed one would read as semi-sync.
  const plain = canvas.locator(".react-flow__edge:not(.edge-semisync)");
  await expect(plain.locator("path.react-flow__edge-path")).toHaveCSS("stroke-dasharray", "none");
  await expect(page.getByTestId("edge-legend")).toContainText("semi-sync (acknowledging replica)");
  await page.getByLabel("Text table view").check();
  await expect(page.locator('tr[data-edge="semi-s->semi-r"]')).toHaveAttribute("data-semisync", "true");
  await expect(page.locator('tr[data-edge="semi-s->semi-a"]')).toHaveAttribute("data-semisync", "false");
});

test("the source's page shows semi-sync active, then fallen back to async with SemiSyncDegraded", async ({ page, request }) => {
  await page.goto(`/servers/${ids["semi-s"]}`);
  const group = page.getByTestId("semi-sync");
  await expect(group).toContainText("on, active");
  await expect(group).toContainText("semi-sync replicas1");
  const status = await (await request.get("/api/status")).json();
  expect(status.servers.find((s: { name: string }) => s.name === "semi-s").semiSync).toMatchObject({ sourceEnabled: true, sourceActive: true, clients: 1 });
  await R.query("STOP SLAVE IO_THREAD");
  await S.query("CREATE TABLE semi.t (id INT PRIMARY KEY) ENGINE=InnoDB");
  await expect(group).toContainText("on, NOT active (async)", { timeout: 15_000 });
  await expect(page.locator('[data-problem="SemiSyncDegraded"]')).toBeVisible();
  await page.goto(`/servers/${ids["semi-r"]}`);
  await expect(page.getByTestId("semi-sync")).toContainText("as replicaon");
});
