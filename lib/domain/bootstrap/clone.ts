// MySQL CLONE (8.0.17+) as a copy method: when it is offered, and the statements on the recipient (pure).
import { cloneNeedsSamePatch, hasClonePlugin, quoteAccount, quoteString, sameSeries, type ServerVersion, supportsClone } from "../dialect";
import type { Check } from "./preflight";
import { cellText } from "../cell-text";

/** Why CLONE cannot be used for this pair (null when it can): MySQL ≥ 8.0.17 on both, same series (same point release before 8.0.37). */
export function cloneUnavailable(source: ServerVersion, target: ServerVersion): string | null {
  if (!hasClonePlugin(source) || !hasClonePlugin(target)) return "CLONE exists only on MySQL (MariaDB has no clone plugin).";
  if (!supportsClone(source) || !supportsClone(target)) return "CLONE needs MySQL 8.0.17 or newer on both servers.";
  if (!sameSeries(source, target)) return "CLONE needs both servers in the same release series.";
  if (cloneNeedsSamePatch(source) && source.patch !== target.patch) return "Before 8.0.37, CLONE needs the same point release on both servers.";
  return null;
}

/** The preflight verdict for copying by CLONE. */
export function cloneCheck(source: ServerVersion, target: ServerVersion): Check {
  const why = cloneUnavailable(source, target);
  return why ? { id: "clone", status: "fail", message: why, fix: "Choose dump and load instead." } : { id: "clone", status: "pass", message: "CLONE is available for this pair (replscope creates a temporary donor account with BACKUP_ADMIN on the source, so the source's account needs CREATE USER and BACKUP_ADMIN WITH GRANT OPTION; the recipient's needs CLONE_ADMIN)." };
}

/** The temporary donor account CLONE logs in to the source with (never the source's monitoring account). */
export const CLONE_DONOR_USER = "replscope_clone";

/** The donor account on the source, created for one clone: a random password, BACKUP_ADMIN only (what CLONE needs
 *  on the donor), reachable from the target's address pattern. Dropped after the clone with dropUserStatement. */
export function cloneDonorStatements(hostPattern: string, password: string): string[] {
  const account = quoteAccount(CLONE_DONOR_USER, hostPattern);
  return [`CREATE USER ${account} IDENTIFIED BY ${quoteString(password)}`, `GRANT BACKUP_ADMIN ON *.* TO ${account}`];
}

/** Statements run on the recipient (the new replica), in order; `donor` is the temporary donor account (BACKUP_ADMIN). */
export function cloneStatements(donor: { host: string; port: number; user: string; password: string }): string[] {
  return [
    "INSTALL PLUGIN clone SONAME 'mysql_clone.so'",
    `SET GLOBAL clone_valid_donor_list = ${quoteString(`${donor.host}:${donor.port}`)}`,
    `CLONE INSTANCE FROM ${quoteAccount(donor.user, donor.host)}:${Number(donor.port)} IDENTIFIED BY ${quoteString(donor.password)}`,
  ];
}

/** Where the clone left the recipient: binlog coordinates and the GTIDs it contains. */
export const CLONE_STATUS_QUERY = "SELECT STATE, ERROR_NO, ERROR_MESSAGE, BINLOG_FILE, BINLOG_POSITION, GTID_EXECUTED FROM performance_schema.clone_status";

/** True while the recipient reports the clone still running (keep waiting). */
export const cloneRunning = (row: Record<string, unknown> | undefined) => String(row?.STATE) === "In Progress";

/** Reads a clone_status row: done with coordinates, or the error. */
export function cloneOutcome(row: Record<string, unknown> | undefined): { ok: true; file: string; position: number; gtid: string } | { ok: false; error: string } {
  if (!row) return { ok: false, error: "No clone status on the recipient." };
  if (String(row.STATE) !== "Completed") return { ok: false, error: `Clone ${String(row.STATE).toLowerCase()}${Number(row.ERROR_NO) ? `: error ${cellText(row.ERROR_NO)} ${cellText(row.ERROR_MESSAGE)}` : ""}.` };
  return { ok: true, file: String(row.BINLOG_FILE), position: Number(row.BINLOG_POSITION), gtid: cellText(row.GTID_EXECUTED).replace(/\s+/g, "") };
}
