// How a fake answers one statement: the family's columns for status statements, 1064 for what it rejects.
import { rowFrom, type RowValues } from "@/lib/domain/__fixtures__/mysql-columns";
import { type FamilyRules, isControl } from "./family";

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
  /** Further statements this fake answers: an OK packet, or rows. */
  extra?: { match: RegExp; ok?: true; columns?: string[]; rows?: Record<string, Cell>[] }[];
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
  const known = { ...Object.fromEntries(Object.entries(s.variables).filter(([k]) => rules.variables.has(k))), ...s.semiSync };
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
  writeRows(conn, ["Variable_name", "Value"], Object.entries(s.semiSyncStatus ?? {}).filter(([k]) => wanted(k)).map(([k, v]) => ({ Variable_name: k, Value: String(v) })));
}

/** SELECT @@a [AS x], @@GLOBAL.b …: configured values, ER 1193 for a variable the family lacks. */
function selectVariables(conn: Conn, sql: string, rules: FamilyRules, s: FakeScenario, version: string) {
  const asked = [...sql.matchAll(/(@@(?:(?:global|session|local)\.)?(\w+))(?:\s+AS\s+`?(\w+)`?)?/gi)].map((m) => ({ name: m[2].toLowerCase(), label: m[3] ?? m[1] }));
  const missing = asked.find((a) => !rules.variables.has(a.name));
  if (missing) return writeError(conn, 1193, `Unknown system variable '${missing.name}'`);
  const builtin: Record<string, string> = { version, version_comment: comment(version) };
  writeRows(conn, asked.map((a) => a.label), [Object.fromEntries(asked.map((a) => [a.label, s.variables[a.name] ?? builtin[a.name] ?? 0]))]);
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
