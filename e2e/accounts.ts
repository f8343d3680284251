// Account steps shared by the specs: the first-run setup code, add a user on /settings, sign in on /login.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";

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

/** The one-time setup code the server under test printed at start (read from the 0600 file it keeps in its data directory). */
export async function readSetupCode(): Promise<string> {
  const file = path.join(E2E_DATA_DIR, "setup-code");
  await expect.poll(() => fs.existsSync(file), { message: `${file} written at start` }).toBe(true);
  return fs.readFileSync(file, "utf8").trim();
}

/** The server's console output so far. */
export const serverLog = () => fs.readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8");

/** The origin the browser pages of the specs use, for API calls made with a session cookie (same-origin rule). */
export const sameOrigin = (page: Page) => ({ Origin: new URL(page.url()).origin });
