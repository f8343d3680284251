// The shell of the app: navigation, themes, and form validation that keeps what the user typed.
import { expect, test } from "@playwright/test";

test("navigation reaches every area", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  for (const [link, heading] of [["Servers", "Servers"], ["Topology", "Topology"], ["New replica", "New replica"], ["Overview", "Overview"]]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
});

test("the theme switch toggles dark mode and remembers it", async ({ page }) => {
  await page.goto("/servers");
  const html = page.locator("html");
  const wasDark = (await html.getAttribute("class"))?.includes("dark") ?? false;
  await page.getByRole("button", { name: /Switch to (dark|light) theme/ }).click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  await page.reload();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
});

test("invalid input shows per-field errors and keeps the typed values", async ({ page }) => {
  await page.goto("/servers/new");
  await page.getByLabel("Name").fill("kept-name");
  await page.getByLabel("Host").fill("bad host!");
  await page.getByLabel("Port").fill("70000");
  await page.getByLabel("Password").fill("typed'secret");
  await page.getByRole("button", { name: "Add and test" }).click();
  await expect(page.getByText("Enter a host name or IP address")).toBeVisible();
  await expect(page.getByText("Port must be 1–65535")).toBeVisible();
  await expect(page.getByText("User is required")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("kept-name");
  await expect(page.getByLabel("Password")).toHaveValue("typed'secret");
  await expect(page.getByLabel("Host")).toHaveAttribute("aria-invalid", "true");
});

test("the API rejects bad bodies with field errors and unknown ids with 404", async ({ request }) => {
  const bad = await request.post("/api/servers", { data: { name: "", host: "x y", port: 0 } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(Object.keys(body.fieldErrors).sort()).toEqual(["host", "name", "password", "port", "user"]);
  const notJson = await request.post("/api/servers", { data: "nope", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect((await request.get("/api/servers/does-not-exist")).status()).toBe(404);
  expect((await request.patch("/api/servers/does-not-exist", { data: { name: "x" } })).status()).toBe(404);
  expect((await request.delete("/api/servers/does-not-exist")).status()).toBe(404);
  expect((await request.post("/api/servers/does-not-exist/test")).status()).toBe(404);
});

test("robots.txt disallows everything and the favicon is served, both without signing in", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  const robots = await anonymous.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  const icon = await anonymous.get("/favicon.ico", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  await anonymous.dispose();
});
