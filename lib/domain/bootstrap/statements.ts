// Statements the bootstrap wizard runs that are the same in every dialect, values escaped (pure: text only, nothing is run).
// Dialect-dependent ones (CHANGE …, START/STOP/RESET, GTID positioning) are built in lib/domain/dialect.
// Backslash escapes are safe because every session first drops NO_BACKSLASH_ESCAPES (lib/domain/dialect/sql-mode.ts).
import { quoteAccount, quoteString } from "../dialect";

/** The replication account on the source: created with a password, granted REPLICATION SLAVE only. */
export function replicationUserStatements(user: string, hostPattern: string, password: string): string[] {
  const account = quoteAccount(user, hostPattern);
  return [`CREATE USER ${account} IDENTIFIED BY ${quoteString(password)}`, `GRANT REPLICATION SLAVE ON *.* TO ${account}`];
}

/** Undo of replicationUserStatements. */
export const dropUserStatement = (user: string, hostPattern: string) => `DROP USER IF EXISTS ${quoteAccount(user, hostPattern)}`;

/** Makes the target re-read the grant tables a dump just loaded. */
export const FLUSH_PRIVILEGES = "FLUSH PRIVILEGES";

/** Replaces every quoted password in a statement with '*****' (for dry runs, runbooks and the audit trail). */
export function maskSecrets(sql: string, secrets: string[]): string {
  return secrets.filter(Boolean).reduce((text, s) => text.split(quoteString(s)).join("'*****'").split(s).join("*****"), sql);
}
