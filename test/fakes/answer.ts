// How a fake answers one statement: the family's columns for status statements, 1064 for what it rejects.
import { rowFrom, type RowValues } from "@/lib/domain/__fixtures__/mysql-columns";
import { BUILTIN_DEFAULTS, type FamilyRules, isControl } from "./family";

/** One result cell as the text protocol carries it. */
export type Cell = string | number | null;

/** What a fake server says about itself. */
export interface FakeScenario {
  channels: RowValues[];
  variables: Record<string, string | number>;
  binlog?: { file: string; position: number; gtid?: string };
  replicas?: { serverId: number; host: string; port: number; sourceId: number; uuid?: string }[];
  semiSync?: Record<string, string>;
  /** Semi-sync status counters (SHOW GLOBAL STATUS), under the installed plugin's names (see semiSyncPlugins). */
  semiSyncStatus?: Record<string, string | number>;
  /** Variables of a loaded plugin or a patched build the family lacks otherwise (e.g. Percona XtraDB Cluster's wsrep_*). */
  pluginVariables?: Record<string, string | number>;
  /** Status counters beside the semi-sync ones (e.g. wsrep_* on a Galera node). */
  status?: Record<string, string | number>;
  /** performance_schema.global_variables lists nothing (a server where it does not serve SHOW VARIABLES). */
  variablesTableEmpty?: boolean;
  /** Variables this build lacks although its family has them (e.g. MariaDB compiled without wsrep): SELECT says 1193. */
  without?: string[];
  /** Further statements this fake answers: an OK packet, rows, or an error. */
  extra?: { match: RegExp; ok?: true; columns?: string[]; rows?: Record<string, Cell>[]; error?: { code: number; message: string } }[];
}

/** The slice of mysql2's server-side connection a fake writes with. */
export interface Conn {
  sequenceId: number;
  writeColumns(cols: object[]): void;
  writeTextRow(values: (string | null)[]): void;
  writeEof(): void;
  writeOk(): void;
  writeError(e: { code: number; message: string }): void;
}

function column(name: string, numeric: boolean) {
  return { catalog: "def", schema: "", table: "", orgTable: "", name, orgName: name, characterSet: 33, columnLength: 255, columnType: numeric ? 8 : 253, flags: 0, decimals: 0 };
}

/** Writes packets as the reply to the client's command (sequence ids restart at 1). */
function reply(conn: Conn, write: () => void) {
  conn.sequenceId = 1;
  write();
  conn.sequenceId = 0;
}

function writeRows(conn: Conn, names: string[], rows: Record<string, Cell | undefined>[]) {
  const numeric = names.map((n) => rows.some((r) => typeof r[n] === "number"));
  reply(conn, () => {
    conn.writeColumns(names.map((n, i) => column(n, numeric[i])));
    for (const r of rows) conn.writeTextRow(names.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n]))));
    conn.writeEof();
  });
}

/** An OK packet (SET, accepted control statements). */
export const writeOk = (conn: Conn) => reply(conn, () => conn.writeOk());
const writeError = (conn: Conn, code: number, message: string) => reply(conn, () => conn.writeError({ code, message }));
const syntaxError = (conn: Conn, sql: string) =>
  writeError(conn, 1064, `You have an error in your SQL syntax; check the manual that corresponds to your server version for the right syntax to use near '${sql.slice(0, 40)}' at line 1`);

const likeToRegExp = (like: string) => new RegExp(`^${like.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")}$`, "i");

/** SHOW GLOBAL VARIABLES (LIKE '…' | WHERE Variable_name IN (…)): the family's variables plus semi-sync plugins. */
function showVariables(conn: Conn, sql: string, rules: FamilyRules, s: FakeScenario) {
  const defaults = Object.entries(BUILTIN_DEFAULTS).filter(([k]) => rules.variables.has(k));
  const known = { ...Object.fromEntries([...defaults, ...Object.entries(s.variables).filter(([k]) => rules.variables.has(k))].filter(([k]) => !s.without?.includes(k))), ...s.semiSync, ...s.pluginVariables };
  const like = /\bLIKE\s+'([^']*)'/i.exec(sql);
  const names = [...sql.matchAll(/'([^']+)'/g)].map((m) => m[1].toLowerCase());
  const wanted = (k: string) => (like ? likeToRegExp(like[1]).test(k) : /\bWHERE\b/i.test(sql) ? names.includes(k) : true);
  writeRows(conn, ["Variable_name", "Value"], Object.entries(known).filter(([k]) => wanted(k)).map(([k, v]) => ({ Variable_name: k, Value: String(v) })));
}

/** SHOW GLOBAL STATUS (LIKE '…' | WHERE Variable_name IN (…)): the scenario's status counters (names compared case-insensitively, as the server does). */
function showStatus(conn: Conn, sql: string, s: FakeScenario) {
  const like = /\bLIKE\s+'([^']*)'/i.exec(sql);
  const names = [...sql.matchAll(/'([^']+)'/g)].map((m) => m[1].toLowerCase());
  const wanted = (k: string) => (like ? likeToRegExp(like[1]).test(k) : /\bWHERE\b/i.test(sql) ? names.includes(k.toLowerCase()) : true);
  writeRows(conn, ["Variable_name", "Value"], Object.entries({ ...s.semiSyncStatus, ...s.status }).filter(([k]) => wanted(k)).map(([k, v]) => ({ Variable_name: k, Value: String(v) })));
}

/** Boolean variables (wsrep_on, wsrep_desync, rpl_semi_sync_*_enabled) read with SELECT come back as 1/0 (SHOW says ON/OFF). */
const BOOLEAN = /^(wsrep_on|wsrep_desync|rpl_semi_sync_\w+_enabled)$/;
const selected = (name: string, v: string | number) => (!BOOLEAN.test(name) ? v : v === "ON" ? 1 : v === "OFF" ? 0 : v);

/** Group members this fake lists (a group simulation answers the members table through `extra`). */
function groupMemberCount(s: FakeScenario): number {
  const members = s.extra?.find((x) => x.match.test("SELECT * FROM performance_schema.replication_group_members"));
  return (members?.rows ?? []).filter((r) => r.MEMBER_ID).length;
}

type Asked = { at: number; label: string; value: () => Cell | undefined };
const VARIABLE_ITEM = /(@@(?:(?:global|session|local)\.)?(\w+))(?:\s+AS\s+`?(\w+)`?)?/gi;
const TABLE_ITEM = /\(SELECT VARIABLE_VALUE FROM performance_schema\.global_variables WHERE VARIABLE_NAME = '(\w+)'\) AS (\w+)/gi;
const TABLE_COUNT_ITEM = /\(SELECT COUNT\(\*\) FROM performance_schema\.global_variables WHERE VARIABLE_NAME = '(\w+)'\) AS (\w+)/gi;
const GROUP_COUNT_ITEM = /\(SELECT COUNT\(\*\) FROM performance_schema\.replication_group_members WHERE MEMBER_ID <> ''\) AS (\w+)/gi;

/**
 * SELECT @@a [AS x], @@GLOBAL.b …, and MySQL 8.0's (SELECT VARIABLE_VALUE FROM performance_schema.global_variables …)
 * and group-member COUNT(*) subqueries: configured values (semi-sync switches where the family or plugin has them),
 * NULL from the table for a variable the server lacks, ER 1193 for an @@variable it lacks.
 */
function selectVariables(conn: Conn, sql: string, rules: FamilyRules, s: FakeScenario, version: string) {
  const builtin: Record<string, string> = { ...BUILTIN_DEFAULTS, version, version_comment: comment(version) };
  const plugins = { ...s.semiSync, ...s.pluginVariables };
  const has = (name: string) => (rules.variables.has(name) && !s.without?.includes(name)) || name in plugins;
  const raw = (name: string) => s.variables[name] ?? plugins[name] ?? builtin[name] ?? 0;
  const valueOf = (name: string) => selected(name, raw(name));
  const asked: (Asked & { name?: string })[] = [
    ...[...sql.matchAll(VARIABLE_ITEM)].map((m) => ({ at: m.index, name: m[2].toLowerCase(), label: m[3] ?? m[1], value: () => valueOf(m[2].toLowerCase()) })),
    ...[...sql.matchAll(TABLE_ITEM)].map((m) => ({ at: m.index, label: m[2], value: () => (has(m[1]) && !s.variablesTableEmpty ? String(raw(m[1])) : null) })),
    ...[...sql.matchAll(TABLE_COUNT_ITEM)].map((m) => ({ at: m.index, label: m[2], value: () => (has(m[1]) && !s.variablesTableEmpty ? 1 : 0) })),
    ...[...sql.matchAll(GROUP_COUNT_ITEM)].map((m) => ({ at: m.index, label: m[1], value: () => groupMemberCount(s) })),
  ].sort((a, b) => a.at - b.at);
  const missing = asked.find((a) => a.name !== undefined && !has(a.name));
  if (missing) return writeError(conn, 1193, `Unknown system variable '${missing.name}'`);
  writeRows(conn, asked.map((a) => a.label), [Object.fromEntries(asked.map((a) => [a.label, a.value()]))]);
}

const comment = (version: string) => (/mariadb/i.test(version) ? "mariadb.org binary distribution" : "MySQL Community Server - GPL");

function replicaHostRows(cols: string[], s: FakeScenario): Record<string, Cell>[] {
  const cell = (c: string, r: NonNullable<FakeScenario["replicas"]>[number]) =>
    /^Server_id$/i.test(c) ? r.serverId : c === "Host" ? r.host : c === "Port" ? r.port : /^(Master_id|Source_Id)$/.test(c) ? r.sourceId : (r.uuid ?? "");
  return (s.replicas ?? []).map((r) => Object.fromEntries(cols.map((c) => [c, cell(c, r)])));
}

/** Answers one statement the way the family would. */
export function answer(conn: Conn, sql: string, rules: FamilyRules, s: FakeScenario, version: string) {
  const stmt = sql.trim().replace(/\s+/g, " ").replace(/;$/, "").toUpperCase();
  const extra = s.extra?.find((x) => x.match.test(sql));
  if (extra?.error) return writeError(conn, extra.error.code, extra.error.message);
  if (extra) return extra.ok ? writeOk(conn) : writeRows(conn, extra.columns ?? [], extra.rows ?? []);
  if (stmt.startsWith("SELECT VERSION()")) return writeRows(conn, ["version", "comment"], [{ version, comment: comment(version) }]);
  if (stmt in rules.replicaStatus) {
    const cols = rules.replicaStatus[stmt];
    if (!cols) return syntaxError(conn, sql);
    return writeRows(conn, cols, s.channels.map((c) => ({ ...rowFrom(cols, c), Connection_name: c.Channel_Name })));
  }
  if (stmt in rules.sourceStatus) {
    const cols = rules.sourceStatus[stmt];
    if (!cols) return syntaxError(conn, sql);
    const b = s.binlog;
    return writeRows(conn, cols, b ? [{ File: b.file, Position: b.position, Binlog_Do_DB: "", Binlog_Ignore_DB: "", Executed_Gtid_Set: b.gtid ?? "" }] : []);
  }
  if (stmt in rules.replicaHosts) {
    const cols = rules.replicaHosts[stmt];
    return cols ? writeRows(conn, cols, replicaHostRows(cols, s)) : syntaxError(conn, sql);
  }
  if (stmt.startsWith("SHOW GLOBAL VARIABLES") || stmt.startsWith("SHOW VARIABLES")) return showVariables(conn, sql, rules, s);
  if (stmt.startsWith("SHOW GLOBAL STATUS") || stmt.startsWith("SHOW STATUS")) return showStatus(conn, sql, s);
  if (stmt.startsWith("SELECT @@")) return selectVariables(conn, sql, rules, s, version);
  if (isControl(stmt) && rules.accepts(stmt)) return writeOk(conn);
  syntaxError(conn, sql);
}
