// Looking after accounts: a viewer changes their own password (other sessions end); an admin sets a user's password
// and signs them out everywhere; passwords never reach the audit trail.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addUser, sameOrigin, signIn } from "./accounts";

test.describe.configure({ mode: "serial" });

const VIEWER = { username: "night-shift", password: "first password 1" };
const CHANGED = "second password 2";
const SET_BY_ADMIN = "third password 3";

/** A fresh browser context signed in as `who` (no API token). */
async function session(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const p = await (await browser.newContext({ extraHTTPHeaders: {} })).newPage();
  await signIn(p, who);
  return p;
}

test("a viewer changes their own password; their other session ends and only the new password signs in", async ({ page, browser }) => {
  await addUser(page, VIEWER, "viewer");
  const laptop = await session(browser, VIEWER);
  const phone = await session(browser, VIEWER);
  await page.reload();
  await expect(page.locator(`tr[data-user="${VIEWER.username}"] [data-col="sessions"]`)).toHaveText("2 session(s)");

  await laptop.getByTestId("signed-in").click();
  await expect(laptop).toHaveURL(/\/account$/);
  await expect(laptop.locator("tr[data-current]")).toHaveCount(2);
  const form = laptop.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill(CHANGED);
  await form.getByLabel("New password again").fill(CHANGED);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is wrong.")).toBeVisible();

  await form.getByLabel("Current password").fill(VIEWER.password);
  await form.getByLabel("New password", { exact: true }).fill(CHANGED);
  await form.getByLabel("New password again").fill("something else 9");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords differ.")).toBeVisible();

  await form.getByLabel("Current password").fill(VIEWER.password);
  await form.getByLabel("New password", { exact: true }).fill(CHANGED);
  await form.getByLabel("New password again").fill(CHANGED);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other sessions are signed out.");

  await laptop.reload();
  await expect(laptop.locator("tr[data-current]")).toHaveCount(1);
  await expect(laptop.locator('tr[data-current="true"]')).toContainText("this session");
  await phone.goto("/");
  await expect(phone).toHaveURL(/\/login/);
  await signIn(phone, VIEWER, false);
  await expect(phone.getByText("Wrong user name or password.")).toBeVisible();
  await signIn(phone, { ...VIEWER, password: CHANGED });
});

test("a viewer may change their password but still changes nothing else", async ({ browser }) => {
  const viewer = await session(browser, { ...VIEWER, password: CHANGED });
  expect((await viewer.request.post("/account", { headers: sameOrigin(viewer), data: "" })).status()).toBe(403);
  const res = await viewer.request.post("/servers/new", { headers: { "next-action": "0".repeat(40), ...sameOrigin(viewer) }, data: "[]" });
  expect(res.status()).toBe(403);
  const api = await viewer.request.post("/api/servers", { headers: sameOrigin(viewer), data: { name: "nope", host: "127.0.0.1", port: 1, user: "u", password: "" } });
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "Viewers can look but not change anything (403)." });
});

test("an admin sets a user's password and signs them out everywhere; the audit names it without the password", async ({ page, browser }) => {
  const viewer = await session(browser, { ...VIEWER, password: CHANGED });
  await page.goto("/settings");
  const row = page.locator(`tr[data-user="${VIEWER.username}"]`);
  await row.getByRole("button", { name: "Set password…" }).click();
  const form = row.getByRole("form", { name: `Set password of ${VIEWER.username}` });
  await form.getByLabel("New password").fill("short");
  await form.getByLabel("Again").fill("short");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("At least 12 characters")).toBeVisible();
  await form.getByLabel("New password").fill(SET_BY_ADMIN);
  await form.getByLabel("Again").fill(SET_BY_ADMIN);
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password set; the user's sessions are signed out.");
  await page.reload();
  await expect(row.locator('[data-col="sessions"]')).toHaveText("0 session(s)");
  await viewer.goto("/");
  await expect(viewer).toHaveURL(/\/login/);

  await signIn(viewer, { ...VIEWER, password: SET_BY_ADMIN });
  await page.reload();
  await expect(row.locator('[data-col="sessions"]')).toHaveText("1 session(s)");
  await row.getByRole("button", { name: `Sign out ${VIEWER.username} everywhere` }).click();
  await expect(row.getByRole("status")).toHaveText("Signed out 1 session(s).");
  await viewer.goto("/");
  await expect(viewer).toHaveURL(/\/login/);

  await page.goto("/audit?action=user.");
  await expect(page.locator("tbody tr", { hasText: "user.password" }).first()).toContainText(`set ${VIEWER.username}'s password`);
  await expect(page.locator("tbody tr", { hasText: "user.sessions" }).first()).toContainText(`signed ${VIEWER.username} out everywhere (1 session(s))`);
  await page.goto("/audit?action=account.");
  await expect(page.locator("tbody tr", { hasText: "account.password" })).toHaveCount(3);
  const text = (await page.content()) + (await (await page.request.get("/api/audit")).text());
  for (const secret of [VIEWER.password, CHANGED, SET_BY_ADMIN]) expect(text).not.toContain(secret);
});
