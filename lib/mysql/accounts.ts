// Typed readers of accounts: the GRANT lines of an account, whether an account exists.
import "server-only";
import { grantLines } from "@/lib/domain/bootstrap/grants";
import { quoteAccount, quoteString } from "@/lib/domain/dialect";
import type { Queryable, Rows } from "./query";

/** The GRANT lines of the session's own account, or of `account` (SHOW GRANTS [FOR 'user'@'host']). */
export async function readGrants(c: Queryable, account?: { user: string; host: string }): Promise<string[]> {
  return grantLines(await c.query<Rows>(account ? `SHOW GRANTS FOR ${quoteAccount(account.user, account.host)}` : "SHOW GRANTS"));
}

/** True when 'user'@'host' exists on the server (reads mysql.user). */
export async function accountExists(c: Queryable, user: string, host: string): Promise<boolean> {
  const [row] = await c.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM mysql.user WHERE User = ${quoteString(user)} AND Host = ${quoteString(host)}`);
  return Number(row?.n ?? 0) > 0;
}
