// A protocol-level MySQL/MariaDB impersonator (mysql2's server API) serving the exact column lists of each family.
import mysql from "mysql2";
import type net from "node:net";
import { rowFrom, type RowValues } from "@/lib/domain/__fixtures__/mysql-columns";
import { familyRules } from "./family";

/** What a fake server says about itself. */
export interface FakeScenario {
  channels: RowValues[];
  variables: Record<string, string | number>;
  binlog?: { file: string; position: number; gtid?: string };
  replicas?: { serverId: number; host: string; port: number; sourceId: number; uuid?: string }[];
  semiSync?: Record<string, string>;
  /** Further statements this fake answers: an OK packet, or rows. */
  extra?: { match: RegExp; ok?: true; columns?: string[]; rows?: Record<string, Cell>[] }[];
}

/** Options: the version string (decides the family), the scenario, added latency, or hang before the handshake. */
export interface FakeOptions {
  version: string;
  scenario: FakeScenario;
  latencyMs?: number;
  hang?: boolean;
}

/** A running fake. */
export interface FakeServer {
  port: number;
  queries: string[];
  close(): Promise<void>;
}

type Conn = ReturnType<typeof mysql.createConnection> & Record<string, (...a: unknown[]) => void> & { sequenceId: number };
type Cell = string | number | null;

function column(name: string, numeric: boolean) {
  return { catalog: "def", schema: "", table: "", orgTable: "", name, orgName: name, characterSet: 33, columnLength: 255, columnType: numeric ? 8 : 253, flags: 0, decimals: 0 };
}

function writeRows(conn: Conn, names: string[], rows: Record<string, Cell>[]) {
  const numeric = names.map((n) => rows.some((r) => typeof r[n] === "number"));
  conn.sequenceId = 1;
  conn.writeColumns(names.map((n, i) => column(n, numeric[i])));
  for (const r of rows) conn.writeTextRow(names.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n]))));
  conn.writeEof();
  conn.sequenceId = 0;
}

function syntaxError(conn: Conn, sql: string) {
  conn.sequenceId = 1;
  conn.writeError({ code: 1064, message: `You have an error in your SQL syntax; check the manual that corresponds to your server version for the right syntax to use near '${sql.slice(0, 40)}' at line 1` });
  conn.sequenceId = 0;
}

/** Answers one statement the way the family would. */
export function answer(conn: Conn, sql: string, o: FakeOptions) {
  const rules = familyRules(o.version);
  const s = o.scenario;
  const stmt = sql.trim().replace(/\s+/g, " ").toUpperCase();
  const extra = s.extra?.find((x) => x.match.test(sql));
  if (extra?.ok) {
    conn.sequenceId = 1;
    conn.writeOk();
    conn.sequenceId = 0;
    return;
  }
  if (extra) return writeRows(conn, extra.columns ?? [], extra.rows ?? []);
  if (stmt.startsWith("SELECT VERSION()")) return writeRows(conn, ["version", "comment"], [{ version: o.version, comment: o.version.includes("MariaDB") ? "mariadb.org binary distribution" : "MySQL Community Server - GPL" }]);
  if (stmt in rules.replicaStatus) {
    const cols = rules.replicaStatus[stmt];
    return cols ? writeRows(conn, cols, s.channels.map((c) => ({ ...rowFrom(cols, c), Connection_name: c.Channel_Name }))) : syntaxError(conn, sql);
  }
  if (stmt in rules.sourceStatus) {
    if (!rules.sourceStatus[stmt]) return syntaxError(conn, sql);
    const cols = o.version.includes("MariaDB") ? ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB"] : ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB", "Executed_Gtid_Set"];
    return writeRows(conn, cols, s.binlog ? [{ File: s.binlog.file, Position: s.binlog.position, Binlog_Do_DB: "", Binlog_Ignore_DB: "", Executed_Gtid_Set: s.binlog.gtid ?? "" }] : []);
  }
  if (stmt in rules.replicaHosts) {
    const cols = rules.replicaHosts[stmt];
    if (!cols) return syntaxError(conn, sql);
    const rows = (s.replicas ?? []).map((r) => Object.fromEntries(cols.map((c) => [c, /^Server_id$/i.test(c) ? r.serverId : c === "Host" ? r.host : c === "Port" ? r.port : /Master_id|Source_Id/.test(c) ? r.sourceId : r.uuid ?? ""])));
    return writeRows(conn, cols, rows);
  }
  if (stmt.startsWith("SHOW GLOBAL VARIABLES WHERE")) {
    return writeRows(conn, ["Variable_name", "Value"], Object.entries(s.semiSync ?? {}).filter(([k]) => sql.includes(`'${k}'`)).map(([k, v]) => ({ Variable_name: k, Value: v })));
  }
  if (stmt.startsWith("SELECT @@")) {
    const pairs = [...sql.matchAll(/@@(\w+) AS (\w+)/gi)].map((m) => [m[1].toLowerCase(), m[2]]);
    const missing = pairs.find(([v]) => !rules.variables.has(v));
    if (missing) {
      conn.sequenceId = 1;
      conn.writeError({ code: 1193, message: `Unknown system variable '${missing[0]}'` });
      conn.sequenceId = 0;
      return;
    }
    return writeRows(conn, pairs.map(([, a]) => a), [Object.fromEntries(pairs.map(([v, a]) => [a, s.variables[v] ?? 0]))]);
  }
  syntaxError(conn, sql);
}

let connectionIds = 1;

/** Answers from recorded bytes when this fake already answered the same statement (keeps 1,000 fakes cheap). */
function replay(conn: Conn, stream: net.Socket, sql: string, o: FakeOptions, cache: Map<string, Buffer>) {
  const hit = cache.get(sql);
  if (hit) {
    stream.write(hit);
    return;
  }
  const chunks: Buffer[] = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: Buffer, ...rest: never[]) => (chunks.push(Buffer.from(chunk)), write(chunk, ...rest))) as typeof stream.write;
  try {
    answer(conn, sql, o);
  } finally {
    stream.write = write;
  }
  cache.set(sql, Buffer.concat(chunks));
}

/** Starts a fake on 127.0.0.1 (free port). */
export function startFake(o: FakeOptions): Promise<FakeServer> {
  const queries: string[] = [];
  const cache = new Map<string, Buffer>();
  const sockets = new Set<net.Socket>();
  const server = mysql.createServer((raw) => {
    const conn = raw as unknown as Conn;
    const stream = (raw as unknown as { stream: net.Socket }).stream;
    stream.setNoDelay(true);
    sockets.add(stream);
    stream.on("close", () => sockets.delete(stream));
    conn.on("error", () => {});
    if (o.hang) return;
    const accept = (_info: unknown, done: (err: null) => void) => {
      done(null);
      conn.sequenceId = 0;
    };
    conn.serverHandshake({ protocolVersion: 10, serverVersion: o.version, connectionId: connectionIds++, statusFlags: 2, characterSet: 33, capabilityFlags: 0xffffff, authCallback: accept });
    conn.on("query", (sql: unknown) => {
      queries.push(String(sql));
      const reply = () => replay(conn, stream, String(sql), o, cache);
      o.latencyMs ? setTimeout(reply, o.latencyMs) : reply();
    });
    conn.on("stmt_prepare", (sql: unknown) => {
      queries.push(String(sql));
      conn.sequenceId = 1;
      conn.writeOk();
      conn.sequenceId = 0;
    });
  });
  return new Promise((resolve) => {
    const inner = (server as unknown as { _server: net.Server })._server;
    inner.listen(0, "127.0.0.1", () => {
      const port = inner.address() as net.AddressInfo;
      resolve({
        port: port.port,
        queries,
        close: () => new Promise<void>((done) => {
          sockets.forEach((s) => s.destroy());
          inner.close(() => done());
        }),
      });
    });
  });
}
