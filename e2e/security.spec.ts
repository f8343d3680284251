// Web hardening in the browser and on the wire: security headers (a CSP that the pages live with), no open redirect
// after sign-in, cookie-borne changes from other origins refused, a relative sign-out redirect, and a client address
// that X-Forwarded-For cannot forge (neither in the audit trail nor past the per-address sign-in limit).
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { addUser, sameOrigin, signIn } from "./accounts";

test.describe.configure({ mode: "serial" });

const ADMIN = { username: "sec-admin", password: "security admin pw 1" };
const PORT = Number(process.env.E2E_PORT ?? 3217);

const opened: BrowserContext[] = [];

/** A fresh browser page without the API token (closed after the test), at `baseURL` (default: the config's). */
async function freshPage(browser: Browser, baseURL?: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: {}, ...(baseURL ? { baseURL } : {}) });
  opened.push(ctx);
  return ctx.newPage();
}

/** A fresh page signed in as `who` through the login form. */
async function cookieSession(browser: Browser, who = ADMIN): Promise<Page> {
  const page = await freshPage(browser);
  await signIn(page, who);
  return page;
}

test.afterEach(async () => {
  for (const ctx of opened.splice(0)) await ctx.close();
});

const serverNames = async (request: APIRequestContext) => ((await (await request.get("/api/servers")).json()).servers as { name: string }[]).map((s) => s.name);

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await addUser(page, ADMIN, "admin");
  await page.close();
});

test("every kind of response carries the CSP, nosniff and Referrer-Policy", async ({ request }) => {
  const anonymous = { headers: { Authorization: "" }, maxRedirects: 0 };
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get("/login", anonymous)).text())![1];
  const responses = {
    page: await request.get("/servers"),
    "login page": await request.get("/login", anonymous),
    api: await request.get("/api/servers"),
    "api 401": await request.get("/api/status", anonymous),
    "api 404": await request.get("/api/servers/nope"),
    "page redirect": await request.get("/topology", anonymous),
    "logout redirect": await request.post("/logout", anonymous),
    "static file": await request.get(chunk),
    "not found page": await request.get("/no-such-page"),
    metrics: await request.get("/metrics"),
    // Look-alikes of the paths the proxy skips (its exclusions are anchored): they get the headers and its checks.
    "favicon look-alike": await request.get("/favicon.icoX", anonymous),
    "favicon sub-path": await request.get("/favicon.ico/x", anonymous),
    "static look-alike": await request.get("/_next/staticX", anonymous),
  };
  expect(responses["favicon look-alike"].status()).toBe(307);
  expect((await request.post("/favicon.icoX", { ...anonymous, headers: { ...anonymous.headers, "Next-Action": "0".repeat(40) }, data: "[]" })).status()).toBe(401);
  expect((await request.get("/favicon.ico", anonymous)).status()).not.toBe(307); // still not sent to sign-in
  expect(responses["page redirect"].status()).toBe(307);
  expect(responses["api 401"].status()).toBe(401);
  for (const [what, res] of Object.entries(responses)) {
    const h = res.headers();
    expect(h["content-security-policy"], what).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(h["content-security-policy"], what).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(h["content-security-policy"], what).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(h["content-security-policy"], what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h["x-content-type-options"], what).toBe("nosniff");
    expect(h["referrer-policy"], what).toBe("same-origin");
  }
  const pageCsp = responses.page.headers()["content-security-policy"];
  expect(pageCsp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(responses["login page"].headers()["content-security-policy"]).not.toBe(pageCsp);
});

test("the pages work under the CSP: no violation in Chromium, scripts run, the graph draws", async ({ browser, request }) => {
  const reg = await request.post("/api/servers", { data: { name: "csp-graph", host: "127.0.0.1", port: 7, user: "u", password: "p", cluster: "csp" } });
  expect(reg.status()).toBe(201);
  const page = await cookieSession(browser);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`)));
  for (const p of ["/", "/servers", "/topology", "/audit", "/settings", "/account", "/replicas/new", "/topology/discover"]) {
    await page.goto(p);
    await expect(page.getByTestId("signed-in"), p).toBeVisible();
    if (p === "/topology") await expect(page.getByTestId("topology-canvas").locator(".react-flow__node").first()).toBeVisible();
  }
  await page.goto("/servers");
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await page.getByRole("button", { name: /Switch to (dark|light) theme/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!dark);
  expect(violations).toEqual([]);
  expect((await request.delete(`/api/servers/${(await reg.json()).id}`)).status()).toBe(200);
});

test("sign-in never sends you to another site, whatever `next` says", async ({ browser }) => {
  const page = await freshPage(browser);
  const origin = `http://127.0.0.1:${PORT}`;
  for (const next of ["/\\evil.example/x", "/\t/evil.example/x", "//evil.example/x", "/.//evil.example/x", "https://evil.example/x", " /\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("User name").fill(ADMIN.username);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in"), next).toBeVisible();
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent("/audit?kind=mutation")}`);
  await page.getByLabel("User name").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/audit?kind=mutation`);
});

test("a cookie-authenticated change from another origin, or not JSON, is refused with 403 and changes nothing", async ({ browser, request }) => {
  const page = await cookieSession(browser);
  const body = JSON.stringify({ name: "csrf-probe", host: "127.0.0.1", port: 13, user: "u", password: "p" });
  const attempts = {
    "cross-origin text/plain": { Origin: "http://evil.example", "Content-Type": "text/plain" },
    "cross-origin JSON": { Origin: "http://evil.example", "Content-Type": "application/json" },
    "same-site by Sec-Fetch-Site": { Origin: "http://evil.example", "Sec-Fetch-Site": "same-site", "Content-Type": "application/json" },
    "same-origin text/plain": { ...sameOrigin(page), "Content-Type": "text/plain" },
    "same-origin form": { ...sameOrigin(page), "Content-Type": "application/x-www-form-urlencoded" },
    "no Origin": { "Content-Type": "application/json" },
  };
  for (const [what, headers] of Object.entries(attempts)) {
    const res = await page.request.post("/api/servers", { headers, data: body });
    expect(res.status(), what).toBe(403);
  }
  const action = await page.request.post("/servers/new", { headers: { "Next-Action": "0".repeat(40), Origin: "http://evil.example" }, data: "[]" });
  expect(action.status()).toBe(403);
  expect(await serverNames(request)).not.toContain("csrf-probe");
  const { entries } = await (await request.get(`/api/audit?action=forbidden&actor=${ADMIN.username}`)).json();
  expect(entries.filter((e: { statement: string }) => e.statement === "POST /api/servers")).toHaveLength(6);
  expect(entries.map((e: { error: string }) => e.error)).toEqual(expect.arrayContaining([expect.stringMatching(/Origin does not match/), expect.stringMatching(/application\/json/), expect.stringMatching(/Sec-Fetch-Site: same-site/)]));

  const ok = await page.request.post("/api/servers", { headers: { ...sameOrigin(page), "Content-Type": "application/json" }, data: body });
  expect(ok.status()).toBe(201);
  const { id } = await ok.json();
  const fetched = await page.request.delete(`/api/servers/${id}`, { headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" } });
  expect(fetched.status()).toBe(200);

  const bearer = await request.post("/api/servers", { headers: { Origin: "http://evil.example", "Content-Type": "text/plain" }, data: body.replace("csrf-probe", "bearer-probe").replace("13", "17") });
  expect(bearer.status()).toBe(201);
  expect((await request.delete(`/api/servers/${(await bearer.json()).id}`)).status()).toBe(200);
});

test("sign-out: refused cross-origin; same-origin it ends the session and redirects relatively to /login", async ({ browser }) => {
  const page = await cookieSession(browser);
  const cross = await page.request.post("/logout", { headers: { Origin: "http://evil.example" }, maxRedirects: 0 });
  expect(cross.status()).toBe(403);
  // A junk bearer token next to the cookie does not exempt the cookie's sign-out from the same-origin rule.
  const junk = await page.request.post("/logout", { headers: { Origin: "http://evil.example", Authorization: "Bearer junk" }, maxRedirects: 0 });
  expect(junk.status()).toBe(403);
  await page.goto("/account");
  await expect(page.getByTestId("signed-in")).toBeVisible();
  const res = await page.request.post("/logout", { headers: sameOrigin(page), maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe("/login");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test("a forged X-Forwarded-For changes neither the audited address nor the per-address sign-in limit", async ({ browser, request }) => {
  // Over IPv6 loopback: exhausting this address's limit leaves 127.0.0.1 (every other spec) alone.
  const v6 = `http://[::1]:${PORT}`;
  const page = await freshPage(browser, v6);
  for (let i = 0; i < 20; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` });
    await signIn(page, { username: `xff-ghost-${i}`, password: "not the password" }, false);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong user name or password." })).toBeVisible();
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.99" });
  await signIn(page, ADMIN, false);
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
  const { entries } = await (await request.get("/api/audit?action=session.login")).json();
  const ghosts = entries.filter((e: { actor: string }) => e.actor.startsWith("xff-ghost-"));
  expect(ghosts).toHaveLength(20);
  expect(new Set(ghosts.map((e: { address: string }) => e.address))).toEqual(new Set(["::1"]));
  await cookieSession(browser);
});
