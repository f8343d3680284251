// What one poll sends to a server: the facts SELECT with the cluster and semi-sync switches folded in, where the
// flavor and version let a single SELECT carry them; null where the server is read statement by statement.
import { dialectFor } from "./dialect";
import { GALERA_VARIABLE_NAMES, hasGroupReplication } from "./clusters";
import { semiSyncVariableNames } from "./semi-sync";
import { atLeast, perVersion, type ServerVersion } from "./version";

/** The folded facts SELECT and what it carries beyond ServerFacts. */
export interface PollPlan {
  /** One SELECT: the dialect's facts plus the values below (column name = variable name). */
  factsQuery: string;
  /** wsrep variables in the SELECT: all four (MariaDB), only wsrep_on (MySQL: the others are read on a wsrep node only). */
  galeraVariables: readonly string[];
  /** Semi-sync switches in the SELECT (every name this version may have; absent plugins read as NULL). */
  semiSyncVariables: readonly string[];
  /** The SELECT counts Group Replication members (column GROUP_MEMBERS_COLUMN): the group tables are read only when > 0. */
  groupCheck: boolean;
  /** The SELECT counts server_id in performance_schema.global_variables (column VARIABLES_TABLE_COLUMN): 0 means the table does not serve variables here, so its NULLs say nothing. */
  tableCheck: boolean;
}

/** Column of the folded SELECT holding the number of Group Replication members this server lists. */
export const GROUP_MEMBERS_COLUMN = "group_members";

/** Column of the folded SELECT: 1 when performance_schema.global_variables lists server_id (it serves variables). */
export const VARIABLES_TABLE_COLUMN = "variables_table";

/** Global values (wsrep_on has a session value too, frozen when a kept connection started). */
const selectItems = (names: readonly string[]) => names.map((n) => `, @@GLOBAL.${n} AS ${n}`).join("");
/** A variable that may not exist (a plugin's): NULL instead of error 1193. MySQL ≥ 8.0 serves SHOW VARIABLES from this table. */
const tableItems = (names: readonly string[]) =>
  names.map((n) => `, (SELECT VARIABLE_VALUE FROM performance_schema.global_variables WHERE VARIABLE_NAME = '${n}') AS ${n}`).join("");
const TABLE_CHECK = `, (SELECT COUNT(*) FROM performance_schema.global_variables WHERE VARIABLE_NAME = 'server_id') AS ${VARIABLES_TABLE_COLUMN}`;
const GROUP_COUNT = `, (SELECT COUNT(*) FROM performance_schema.replication_group_members WHERE MEMBER_ID <> '') AS ${GROUP_MEMBERS_COLUMN}`;

/** wsrep variables exist in every MariaDB server build from 10.1 (wsrep_on OFF without a provider). */
const hasWsrepVariables = (v: ServerVersion) => v.flavor === "mariadb" && atLeast(v, 10, 1);
/** Semi-sync is built into MariaDB from 10.3.3: its switches always exist there. */
const hasBuiltinSemiSync = (v: ServerVersion) => v.flavor === "mariadb" && atLeast(v, 10, 3, 3);
/** performance_schema.global_variables backs SHOW VARIABLES on MySQL ≥ 8.0 (5.7's depends on show_compatibility_56). */
const hasVariableTable = (v: ServerVersion) => v.flavor === "mysql" && atLeast(v, 8);

function mariadbPlan(v: ServerVersion): PollPlan | null {
  if (!hasWsrepVariables(v)) return null;
  const semiSyncVariables = hasBuiltinSemiSync(v) ? semiSyncVariableNames(v) : [];
  const factsQuery = dialectFor(v).factsQuery + selectItems(GALERA_VARIABLE_NAMES) + selectItems(semiSyncVariables);
  return { factsQuery, galeraVariables: GALERA_VARIABLE_NAMES, semiSyncVariables, groupCheck: false, tableCheck: false };
}

function mysqlPlan(v: ServerVersion): PollPlan | null {
  if (!hasVariableTable(v)) return null;
  const semiSyncVariables = semiSyncVariableNames(v);
  const groupCheck = hasGroupReplication(v);
  const factsQuery = dialectFor(v).factsQuery + TABLE_CHECK + tableItems(["wsrep_on", ...semiSyncVariables]) + (groupCheck ? GROUP_COUNT : "");
  return { factsQuery, galeraVariables: ["wsrep_on"], semiSyncVariables, groupCheck, tableCheck: true };
}

/** The folded poll for this version, or null: MySQL < 8.0 and MariaDB < 10.1 are read statement by statement. */
export const pollPlan: (v: ServerVersion) => PollPlan | null = perVersion((v) => (v.flavor === "mariadb" ? mariadbPlan(v) : mysqlPlan(v)));

/**
 * Why the folded SELECT was refused, so the server is read statement by statement: "for good" for 1193 unknown
 * system variable (a build without wsrep) and 1142/1146/1109 (performance_schema denied or missing); "for now" for
 * 1047, a Galera node that is not ready (it may be again); null for any other error (a real failure).
 */
export function foldRefusal(e: unknown): "for good" | "for now" | null {
  const errno = (e as { errno?: number } | null)?.errno;
  if (errno === 1047) return "for now";
  return errno === 1193 || errno === 1142 || errno === 1146 || errno === 1109 ? "for good" : null;
}
