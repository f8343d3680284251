// Reads the values the poll's folded facts SELECT carries beyond ServerFacts (pure: one row in, rows/flags out).
import { cellText } from "./cell-text";
import { GROUP_MEMBERS_COLUMN, VARIABLES_TABLE_COLUMN } from "./dialect/poll-plan";

type Row = Record<string, unknown>;

/** The named columns of the folded row as SHOW VARIABLES rows; a NULL column (variable absent) is not listed, as SHOW would not. */
export function foldedVariableRows(row: Row, names: readonly string[]): Row[] {
  return names.filter((n) => row[n] !== null && row[n] !== undefined).map((n) => ({ Variable_name: n, Value: cellText(row[n]) }));
}

/** True when the folded row counted at least one Group Replication member (a group's tables are worth reading). */
export const foldedGroupMembers = (row: Row) => Number(row[GROUP_MEMBERS_COLUMN] ?? 0) > 0;

/** True when the folded row's variables-table check found server_id (its NULLs then mean "no such variable"). */
export const foldedTableServes = (row: Row) => Number(row[VARIABLES_TABLE_COLUMN] ?? 0) > 0;
