// First run: the one-time setup code printed at start, and the first admin created with it (exactly one).
import "server-only";
import { randomBytes } from "node:crypto";
import type { FieldErrors } from "@/lib/domain/server-input";
import { setupCodeFrom } from "@/lib/domain/setup-code";
import * as setup from "@/lib/data/setup";
import * as users from "@/lib/data/users";
import { ALREADY_SET_UP, createFirstAdmin, ensureEnvAdmin, underAddressLimit } from "./auth";

/** The banner `npm start` prints with the code (Jenkins-style), so whoever runs the server owns the first account. */
function banner(code: string, file: string): string {
  const line = "*".repeat(72);
  return [line, "replscope has no users yet. To create the first administrator, open /setup and enter", "this one-time setup code:", "", `    ${code}`, "", `(also in ${file}, readable by this user only; a new code is made at each start until setup is done)`, line].join("\n");
}

/**
 * At server start, when no user exists: forgets a stale first-admin marker, creates the admin from
 * REPLSCOPE_ADMIN_USER/PASSWORD when set, else makes a new one-time setup code and prints it. Returns the code, if any.
 */
export async function prepareSetup(): Promise<string | null> {
  if ((await users.countUsers()) > 0) return null;
  if (await users.clearStaleFirstAdmin()) console.log("replscope: no user left; setup is open again");
  if (await ensureEnvAdmin()) return null;
  const code = setupCodeFrom(randomBytes(20));
  console.log(banner(code, await setup.storeSetupCode(code)));
  return code;
}

/** What a setup attempt returns. */
export type SetupResult = { ok: true; user: users.UserRecord } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** Creates the first admin when `code` is the one-time setup code (a wrong code counts against the address's sign-in limit). */
export async function setupFirstAdmin(input: { username: unknown; password: unknown; code: unknown }, address: string): Promise<SetupResult> {
  if (await users.isSetUp()) return { ok: false, error: ALREADY_SET_UP };
  const checked = await underAddressLimit(address, () => setup.setupCodeMatches(input.code));
  if ("limited" in checked) return { ok: false, error: checked.limited };
  if (!checked.ok) return { ok: false, error: "The setup code is wrong. It is printed on replscope's console at start (and kept in the data directory's setup-code file).", fieldErrors: { code: ["Wrong setup code"] } };
  const r = await createFirstAdmin({ username: input.username, password: input.password });
  if (r.ok) await setup.clearSetupCode();
  return r;
}
