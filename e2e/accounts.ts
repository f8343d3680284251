// Account steps shared by the specs: add a user on /settings, sign in on /login.
import { expect, type Page } from "@playwright/test";

/** A user name and password. */
export type Account = { username: string; password: string };

/** Signs in through the login page (and, unless told otherwise, waits until signed in). */
export async function signIn(page: Page, who: Account, expectOk = true) {
  await page.goto("/login");
  await page.getByLabel("User name").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (expectOk) await expect(page.getByTestId("signed-in")).toContainText(who.username);
}

/** Adds a user with a role on /settings (the page must belong to an admin). */
export async function addUser(page: Page, who: Account, role: "viewer" | "operator" | "admin") {
  await page.goto("/settings");
  const add = page.getByRole("form", { name: "Add user" });
  await add.getByLabel("User name").fill(who.username);
  await add.getByLabel("Password").fill(who.password);
  await add.getByLabel("Role").selectOption(role);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(page.locator(`tr[data-user="${who.username}"]`)).toBeVisible();
}
