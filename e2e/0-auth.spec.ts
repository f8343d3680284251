// Accounts and roles in the browser: first-run setup, login/logout, 401 everywhere without a session, viewers
// refused with 403, rate-limited logins, tokens with roles, inert HTML in names.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addUser, readSetupCode, sameOrigin, serverLog, signIn } from "./accounts";

test.use({ extraHTTPHeaders: {} });
test.describe.configure({ mode: "serial" });

const ADMIN = { username: "admin-e2e", password: "correct horse battery" };
const VIEWER = { username: "oncall", password: "viewer password 1" };

/** Every route handler under app/ with each HTTP method it exports ([param] segments filled with "x"). */
function routeList(): { path: string; method: string }[] {
  const files = fs.readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)route\.ts$/.test(f));
  return files.flatMap((f) => {
    const url = `/${path.dirname(f)}`.replace(/\[[^\]]+\]/g, "x").replace(/\/\(.*?\)/g, "");
    const methods = [...fs.readFileSync(path.join("app", f), "utf8").matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((method) => ({ path: url, method }));
  }).filter((r) => !["/login", "/setup", "/logout", "/api/leader-check"].includes(r.path));
}


test("first run: setup needs the one-time code printed at start, creates the admin, who can sign out and in again", async ({ page, request }) => {
  const code = await readSetupCode();
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
  expect(serverLog()).toContain(code);
  await page.goto("/servers");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("User name").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The setup code is wrong" })).toBeVisible();
  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The setup code is wrong" })).toBeVisible();
  await expect(page.getByText("Wrong setup code")).toBeVisible();
  await page.getByLabel("Setup code").fill(code.toLowerCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByText("At least 12 characters")).toBeVisible();
  expect((await request.get("/api/servers")).status()).toBe(401);
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByTestId("signed-in")).toHaveText("admin-e2e (admin)");
  const cookie = (await page.context().cookies()).find((c) => c.name === "replscope_session")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, ADMIN);
  await expect(page.getByTestId("signed-in")).toHaveText("admin-e2e (admin)");
  expect(fs.existsSync(path.join(".e2e-data", "setup-code"))).toBe(false);
  const { entries } = await (await page.request.get("/api/audit?action=setup.admin")).json();
  expect(entries.map((e: { error: string | null }) => e.error)).toEqual([null, expect.stringMatching(/12 characters/), expect.stringMatching(/setup code is wrong/), expect.stringMatching(/setup code is wrong/)]);
  expect(JSON.stringify(entries)).not.toContain(code);
});

test("without a session or token every route answers 401 and every page sends to login", async ({ request, page }) => {
  const routes = routeList();
  expect(routes.length).toBeGreaterThan(15);
  for (const { path: p, method } of routes) expect((await request.fetch(p, { method, data: method === "GET" ? undefined : {} })).status(), `${method} ${p}`).toBe(401);
  expect((await request.post("/servers/new", { data: {} })).status()).toBe(401);
  // The load balancer's probe is public by design and says only whether this instance leads.
  const probe = await request.get("/api/leader-check");
  expect([200, 503]).toContain(probe.status());
  expect(Object.keys(await probe.json()).sort()).toEqual(expect.arrayContaining(["leader"]));
  expect((await request.get("/api/servers", { headers: { Authorization: "Bearer wrong" } })).status()).toBe(401);
  for (const p of ["/", "/servers", "/topology", "/replicas/new", "/audit", "/settings"]) {
    await page.goto(p);
    await expect(page, p).toHaveURL(/\/login/);
  }
});

test("a viewer sees the overview but every change is refused with 403 and nothing changes", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await addUser(page, VIEWER, "viewer");

  const ctx = await browser.newContext({ extraHTTPHeaders: {} });
  const viewer = await ctx.newPage();
  await signIn(viewer, VIEWER);
  await expect(viewer.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(viewer.getByTestId("signed-in")).toHaveText("oncall (viewer)");
  await viewer.goto("/servers");
  await expect(viewer.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Add server" })).toHaveCount(0);
  const before = await (await viewer.request.get("/api/servers")).json();
  const post = await viewer.request.post("/api/servers", { headers: sameOrigin(viewer), data: { name: "nope", host: "127.0.0.1", port: 1, user: "u", password: "p" } });
  expect(post.status()).toBe(403);
  expect(await post.json()).toEqual({ error: "Viewers can look but not change anything (403)." });
  const action = await viewer.request.post("/servers/new", { headers: { "Next-Action": "0".repeat(40), ...sameOrigin(viewer) }, data: "[]" });
  expect(action.status()).toBe(403);
  expect(await (await viewer.request.get("/api/servers")).json()).toEqual(before);
  const { entries } = await (await viewer.request.get("/api/audit?action=forbidden&actor=oncall")).json();
  expect(entries.map((e: { statement: string }) => e.statement)).toEqual(expect.arrayContaining(["POST /api/servers", "POST /servers/new"]));
  // The public pages too: a viewer's POST to /login or /setup is refused by the proxy before it reaches the app.
  for (const p of ["/login", "/setup"]) {
    const res = await viewer.request.post(p, { headers: { "Next-Action": "0".repeat(40), ...sameOrigin(viewer) }, data: "[]", maxRedirects: 0 });
    expect(res.status(), p).toBe(403);
  }
  const refused = (await (await viewer.request.get("/api/audit?action=forbidden&actor=oncall")).json()).entries.map((e: { statement: string }) => e.statement);
  expect(refused).toEqual(expect.arrayContaining(["POST /login", "POST /setup"]));
  await viewer.goto("/account");
  await expect(viewer.getByTestId("signed-in")).toHaveText("oncall (viewer)"); // still signed in
  expect((await viewer.request.post("/logout", { headers: sameOrigin(viewer), maxRedirects: 0 })).status()).toBe(303); // signing out still works
  await ctx.close();
});

test("API tokens carry their role; names are rendered as text, never as HTML", async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create token" });
  await form.getByLabel("Token name").fill("ci-viewer");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").textContent();
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/status", { headers: auth })).status()).toBe(200);
  expect((await request.post("/api/servers", { headers: auth, data: {} })).status()).toBe(403);

  const evil = "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>";
  const created = await page.request.post("/api/servers", { headers: sameOrigin(page), data: { name: evil, host: "127.0.0.1", port: 9, user: "u", password: "p" } });
  expect(created.status()).toBe(201);
  await page.goto("/servers");
  await expect(page.getByRole("link", { name: evil })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("failed sign-ins are rate limited per account", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { username: VIEWER.username, password: `wrong ${i}` }, false);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong user name or password" })).toBeVisible();
  }
  await signIn(page, VIEWER, false);
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
});
