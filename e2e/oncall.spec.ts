// On-call at 3 a.m. on a phone, against real sandboxes: every page fits 390 px, passes axe in light and dark, the overview
// groups, searches and filters (also from a shared link), says since when a replica is broken, the tab title and favicon
// follow the worst state, the lag chart reads out values on hover, the topology answers a tap.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createUser, freePort, injectDuplicateKeyConflict, type Sandbox, startSandboxes, teardownAll, wireReplication } from "../sandbox";
import { E2E_TOKEN } from "../playwright.config";
import { addUser } from "./accounts";

const PASSWORD = "on'call\\pw";
let S: Sandbox, R1: Sandbox, R2: Sandbox;
const ids: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000); // three MariaDB sandboxes start slowly on a loaded 2-core machine
  [S, R1, R2] = await startSandboxes(3);
  await createUser(S, "oc", "%", PASSWORD, ["BINLOG MONITOR", "SLAVE MONITOR", "PROCESS"]);
  for (const r of [R1, R2]) await wireReplication(S, r);
  const down = await freePort();
  const rows: [string, string, number, string, string][] = [
    ["oc-source", S.host, S.port, "oncall-a", "eu,primary"], ["oc-r1", R1.host, R1.port, "oncall-a", "eu"], ["oc-r2", R2.host, R2.port, "oncall-a", "eu"],
    ["oc-down", "127.0.0.1", down, "oncall-z", "cold"],
  ];
  for (const [name, host, port, cluster, tags] of rows) {
    const res = await request.post("/api/servers", { data: { name, host, port, user: "oc", password: PASSWORD, cluster, tags: tags.split(",") } });
    expect(res.status()).toBe(201);
    ids[name] = ((await res.json()) as { id: string }).id;
  }
});

test.afterAll(teardownAll);

/** Says which of two clusters the overview lists first. */
async function clusterOrder(page: Page, a: string, b: string): Promise<string> {
  const names = await page.locator("section[data-cluster]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cluster")));
  const [i, j] = [names.indexOf(a), names.indexOf(b)];
  return i < 0 || j < 0 ? "missing" : `${i < j ? a : b} first`;
}

const row = (page: Page, name: string) => page.locator(`li[data-server="${name}"]`);

/** Every page route in app/ (dynamic ones with a registered server; runs/switchovers with an unknown id show their not-found page). */
const ROUTES = () => [
  "/", "/servers", "/servers/new", `/servers/${ids["oc-r1"]}`, `/servers/${ids["oc-r1"]}/edit`, `/servers/${ids["oc-r1"]}/switchover`,
  `/servers/${ids["oc-source"]}/failover`, "/failovers/none", "/topology", "/topology/discover", "/replicas/new", "/replicas/runs/none", "/switchovers/none", "/alerts", "/audit",
  "/settings", "/settings/alerts", "/account", "/setup", "/login",
];

/** Opens a route and waits until it has settled (a page that redirects client-side has finished doing so). */
async function settle(page: Page, route: string) {
  await page.goto(route).catch(() => page.goto(route)); // once more if a late client navigation of the previous page aborted it
  await page.waitForLoadState("networkidle", { timeout: 2500 }).catch(() => undefined);
  let url = page.url();
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(300);
    if (page.url() === url) break;
    url = page.url();
  }
  await page.waitForLoadState("load");
}

/** Runs `read` on the page; if a late redirect (e.g. /login → /setup) destroyed the page under it, waits and reads again. */
async function stable<T>(page: Page, read: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await read();
    } catch (e) {
      if (i >= 3 || !String(e).includes("Execution context was destroyed")) throw e;
      await page.waitForLoadState("load");
      await page.waitForTimeout(1000);
    }
  }
}

async function phone(browser: Browser, baseURL: string | undefined, signedIn = true): Promise<BrowserContext> {
  return browser.newContext({
    baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    extraHTTPHeaders: signedIn ? { Authorization: `Bearer ${E2E_TOKEN}` } : {},
  });
}

test("a broken replica: the overview says since when, its cluster comes first with counts, the tab title and favicon say so", async ({ page }) => {
  await page.goto("/");
  await expect(row(page, "oc-r2")).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
  await expect(row(page, "oc-down")).toHaveAttribute("data-state", "unreachable", { timeout: 20_000 });
  // Worst first: other spec files' clusters (torn-down sandboxes, also unreachable) may sit anywhere, so compare ours.
  await expect.poll(() => clusterOrder(page, "oncall-z", "oncall-a")).toBe("oncall-z first");
  await injectDuplicateKeyConflict(S, R2);
  await expect(row(page, "oc-r2")).toHaveAttribute("data-state", "broken", { timeout: 20_000 });
  await expect(row(page, "oc-r2").locator('[data-col="state"]')).toHaveText(/broken · \d+ (s|min)/);
  await expect.poll(() => clusterOrder(page, "oncall-a", "oncall-z")).toBe("oncall-a first");
  const worst = await page.locator("section[data-cluster]").first().getAttribute("data-worst");
  expect(worst).toBe("broken");
  await expect(page.locator('section[data-cluster="oncall-a"]').getByTestId("cluster-counts")).toHaveText("1 broken · 2 ok");
  await expect(page).toHaveTitle(/^\(1\) broken · (\d+ firing · )?replscope$/, { timeout: 15_000 });
  await expect(page.locator('link[data-glance="favicon"]')).toHaveAttribute("data-state", "broken");
  expect(decodeURIComponent((await page.locator('link[data-glance="favicon"]').getAttribute("href")) ?? "")).toContain("#dc2626");
  // Each replica has its 15-minute sparkline (one batched request); the source is not a replica.
  await page.reload();
  await expect(row(page, "oc-r1").locator('svg[data-sparkline="lag"]')).toBeVisible();
  await expect(row(page, "oc-source").locator("[data-sparkline]")).toHaveCount(0);
});

test("search (/ focuses it) and state chips filter, live in the URL, and a shared link opens filtered", async ({ page, context }) => {
  await page.goto("/");
  await expect(row(page, "oc-r1")).toBeVisible();
  // The rows are server-rendered: "/" works once the page has hydrated, which a busy machine may not have done yet.
  await expect(async () => {
    await page.locator("body").press("/");
    await expect(page.getByRole("searchbox")).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.type("tag:cold");
  await expect(row(page, "oc-down")).toBeVisible();
  await expect(row(page, "oc-r1")).toHaveCount(0);
  await expect(page).toHaveURL(/\?q=tag%3Acold$/);
  await page.getByRole("searchbox").fill(String(R1.port));
  await expect(page.locator("li[data-server]")).toHaveCount(1);
  await expect(row(page, "oc-r1")).toBeVisible();
  await page.getByRole("searchbox").fill("");
  const chip = page.locator('li[data-count="broken"]').getByRole("button");
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("li[data-server]")).toHaveCount(1);
  await expect(page).toHaveURL(/\?state=broken$/);

  const shared = await context.newPage();
  await shared.goto("/?q=oncall&state=broken,unreachable");
  await expect(shared.getByRole("searchbox")).toHaveValue("oncall");
  await expect(shared.locator('li[data-count="unreachable"]').getByRole("button")).toHaveAttribute("aria-pressed", "true");
  await expect(shared.locator("li[data-server]")).toHaveCount(2);
  await expect(row(shared, "oc-r2")).toBeVisible();
  await expect(row(shared, "oc-down")).toBeVisible();
});

test("clusters collapse by keyboard, and 'all problems first' lists every server worst first without grouping", async ({ page }) => {
  await page.goto("/");
  const header = page.locator('section[data-cluster="oncall-a"]').getByRole("button", { name: /oncall-a/ });
  await header.focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-expanded", "false");
  await expect(row(page, "oc-r1")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(row(page, "oc-r1")).toBeVisible();
  await page.getByLabel("All problems first (no grouping)").check();
  await expect(page).toHaveURL(/view=problems/);
  await expect(page.locator("section[data-cluster]")).toHaveCount(0);
  const names = await page.locator("li[data-server]").evaluateAll((els) => els.map((e) => e.getAttribute("data-server")));
  // Worst first: our broken replica leads; other spec files' torn-down servers are unreachable like oc-down and sort
  // among them by name, so compare ours: broken, then unreachable, then ok.
  expect(names[0]).toBe("oc-r2");
  expect(names.indexOf("oc-down")).toBeGreaterThan(0);
  expect(names.indexOf("oc-r1")).toBeGreaterThan(names.indexOf("oc-down"));
});

test("the lag chart: time axis, thresholds, a value with its source on hover, and why it is flat at 0", async ({ page, request }) => {
  await page.goto(`/servers/${ids["oc-r1"]}`);
  const chart = page.getByTestId("lag-chart");
  await expect(chart).toBeVisible({ timeout: 20_000 });
  expect(await chart.locator("[data-tick]").count()).toBeGreaterThanOrEqual(3);
  await expect(chart.locator('[data-threshold="warning"]')).toContainText("warning 10 s");
  await expect(page.getByTestId("flat-zero")).toContainText("Lag has been 0 s");
  const box = (await chart.boundingBox())!;
  await chart.hover({ position: { x: box.width - 1, y: box.height / 2 } }); // past the plot's right edge: clamped to the newest time
  await expect(page.getByTestId("lag-readout")).toHaveText(/^\d\d:\d\d:\d\d · 0 s · Seconds_Behind$/);
  await page.getByRole("button", { name: "last 24 h" }).click();
  await expect(page.getByRole("button", { name: "last 24 h" })).toHaveAttribute("aria-pressed", "true");
  // The broken replica's lag is estimated (last known + time since): the keyboard readout names that source.
  await page.goto(`/servers/${ids["oc-r2"]}`);
  await expect(page.getByTestId("lag-chart")).toBeVisible();
  await page.getByLabel("Lag chart: use the arrow keys to read values").focus();
  await page.keyboard.press("End");
  await expect(page.getByTestId("lag-readout")).toHaveText(/^\d\d:\d\d:\d\d · .+ · estimated$/);
  // A replica that stops answering: that stretch is a shaded gap, read out as unknown — never a 0.
  const stateOf = async () => ((await (await request.get("/api/status")).json()) as { servers: { name: string; state: string }[] }).servers.find((x) => x.name === "oc-r1")?.state;
  await R1.pause();
  try {
    await expect.poll(stateOf, { timeout: 20_000 }).toBe("unreachable");
    await new Promise((r) => setTimeout(r, 3000));
  } finally {
    await R1.resume();
  }
  await expect.poll(stateOf, { timeout: 20_000 }).toBe("ok");
  await page.goto(`/servers/${ids["oc-r1"]}`);
  await expect(page.getByTestId("lag-chart").locator("rect[data-gap]").first()).toBeAttached();
  // Read back from the newest sample by keyboard until the paused stretch (a gap of a few seconds is about a pixel wide
  // in the hour range, too narrow to hit reliably with a pointer).
  await page.getByLabel("Lag chart: use the arrow keys to read values").focus();
  await page.keyboard.press("End");
  const readout = page.getByTestId("lag-readout");
  let seen = "";
  for (let i = 0; i < 300 && !seen.includes("lag unknown"); i++) {
    await page.keyboard.press("ArrowLeft");
    await page.waitForTimeout(20);
    seen = (await readout.textContent()) ?? "";
  }
  expect(seen).toMatch(/^\d\d:\d\d:\d\d · lag unknown · unknown \(not reachable\)$/);
});

test("on a 390 px phone no page scrolls sideways, and the header menu works by keyboard", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const ctx = await phone(browser, baseURL);
  const page = await ctx.newPage();
  for (const route of ROUTES()) {
    await settle(page, route);
    const [scroll, inner] = await stable(page, () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]));
    expect(scroll, `${route} scrolls sideways (${scroll} > ${inner})`).toBeLessThanOrEqual(inner);
  }
  await page.goto("/");
  const menu = page.getByRole("button", { name: "☰ Menu" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  // Overview rows are cards: name, state with since when, lag, top problem — within the screen.
  await page.goto("/");
  const card = row(page, "oc-r2");
  const b = (await card.boundingBox())!;
  expect(b.x + b.width).toBeLessThanOrEqual(390);
  await expect(card.locator('[data-col="state"]')).toContainText("broken ·");
  await expect(card.locator('[data-problem="ReplicationBroken"]')).toBeVisible();
  // Topology by touch: tapping a node opens its server.
  await page.goto("/topology");
  const node = page.locator(".react-flow__node").filter({ hasText: "oc-r1" }).first();
  await expect(node).toBeVisible({ timeout: 15_000 });
  await node.tap();
  await expect(page).toHaveURL(new RegExp(`/servers/${ids["oc-r1"]}$`));
  await ctx.close();
});

/** A second user, so /settings lists per-user controls (role, password, sign-out) for axe to check. */
async function ensureUser(page: Page) {
  await page.goto("/settings");
  if (await page.locator('tr[data-user="night-nurse"]').count()) return;
  await addUser(page, { username: "night-nurse", password: "night-nurse-pw-0123" }, "viewer");
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/** Route names for the per-route axe tests (dynamic ids are resolved once the servers are registered). */
const AXE_ROUTES = ["/", "/servers", "/servers/new", "server", "server/edit", "server/switchover", "source/failover", "/failovers/none", "/topology", "/topology/discover", "/replicas/new",
  "/replicas/runs/none", "/switchovers/none", "/alerts", "/audit", "/settings", "/settings/alerts", "/account", "/setup", "/login"];

for (const scheme of ["light", "dark"] as const) {
  for (const name of AXE_ROUTES) {
    test(`axe: ${name} has no serious or critical violations in ${scheme} mode`, async ({ page }) => {
      test.setTimeout(120_000);
      const route = name.startsWith("server") ? `/servers/${ids["oc-r1"]}${name.slice("server".length)}`
        : name.startsWith("source") ? `/servers/${ids["oc-source"]}${name.slice("source".length)}` : name;
      await page.emulateMedia({ colorScheme: scheme });
      if (name === "/settings") await ensureUser(page); // the users table with its per-user controls, not an empty one
      await settle(page, route);
      expect(await stable(page, () => page.evaluate(() => document.documentElement.classList.contains("dark")))).toBe(scheme === "dark");
      expect(await stable(page, () => seriousViolations(page))).toEqual([]);
    });
  }
}
