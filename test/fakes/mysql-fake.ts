// A protocol-level MySQL/MariaDB impersonator (mysql2's server API) serving the exact column lists of each family.
import net from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { SAFE_SQL_MODE } from "@/lib/domain/dialect";
import { answer, type Conn, type FakeScenario, writeOk } from "./answer";
import { familyRules } from "./family";

export type { FakeScenario } from "./answer";

/** Options: the version string (decides the family), the scenario, added latency, or hang before the handshake. */
export interface FakeOptions {
  version: string;
  scenario: FakeScenario;
  latencyMs?: number;
  hang?: boolean;
  /** Called with each statement before it is answered (a stateful simulation may call setScenario here). */
  onQuery?: (sql: string) => void;
  /** Keep the latest statements in `queries` (default true; a bench's 10,000 fakes kept gigabytes of them). */
  recordQueries?: boolean;
}

/** A running fake. */
export interface FakeServer {
  port: number;
  /** Statements received, oldest first (only the latest 1,000 are kept); the session setup is counted apart. */
  queries: string[];
  /** How many sessions set replscope's sql_mode (SAFE_SQL_MODE, answered OK as every family would). */
  readonly sessionSetups: number;
  /** Replaces what the fake reports from the next statement on (e.g. lag that grows between polls). */
  setScenario(scenario: FakeScenario): void;
  /** Starts (or stops) hanging: open sessions are cut and new ones are accepted but never greeted (a hung server). */
  setHang(hang: boolean): void;
  close(): Promise<void>;
}

type ServerConn = Conn & { on(event: string, listener: (...args: unknown[]) => void): void; serverHandshake(o: object): void };

const MAX_QUERIES = 1000;

// mysql2's package exports do not list these internals: load them by file path.
const mysql2Dir = path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve("mysql2"));
const requireInternal = createRequire(path.join(mysql2Dir, "package.json"));
const ServerConnection = requireInternal("./lib/connection.js") as new (o: { config: unknown }) => unknown;
const ConnectionConfig = requireInternal("./lib/connection_config.js") as new (o: Record<string, unknown>) => unknown;

/** mysql2's server-side connection, as its createServer builds one, but with a statement cache of 1: its default of
 *  16,000 preallocates about 0.5 MB per connection, gigabytes for a bench's 10,000 fakes (they ran out of memory). */
const serverConnection = (socket: net.Socket) => new ServerConnection({ config: new ConnectionConfig({ stream: socket, isServer: true, maxPreparedStatements: 1 }) });
let connectionIds = 1;

/** Writes the reply to `sql`, replaying recorded bytes when this fake already answered it (keeps 1,000 fakes cheap). */
function replay(conn: ServerConn, stream: net.Socket, sql: string, cache: Map<string, Buffer>, answerNow: () => void) {
  const hit = cache.get(sql);
  if (hit) {
    stream.write(hit);
    conn.sequenceId = 0;
    return;
  }
  const chunks: Buffer[] = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: Buffer, ...rest: never[]) => (chunks.push(Buffer.from(chunk)), write(chunk, ...rest)));
  try {
    answerNow();
  } finally {
    stream.write = write;
  }
  cache.set(sql, Buffer.concat(chunks));
}

/** Starts a fake on 127.0.0.1 (free port). */
export function startFake(o: FakeOptions): Promise<FakeServer> {
  const rules = familyRules(o.version);
  const queries: string[] = [];
  const cache = new Map<string, Buffer>();
  const sockets = new Set<net.Socket>();
  let scenario = o.scenario;
  let sessionSetups = 0;
  let hang = o.hang ?? false;
  const record = (sql: string) => {
    if (o.recordQueries === false) return;
    if (queries.length >= MAX_QUERIES) queries.splice(0, MAX_QUERIES / 2);
    queries.push(sql);
  };
  const inner = net.createServer((socket) => {
    const raw = serverConnection(socket);
    const conn = raw as ServerConn;
    const stream = socket;
    stream.setNoDelay(true);
    sockets.add(stream);
    stream.on("close", () => sockets.delete(stream));
    conn.on("error", () => {});
    if (hang) return;
    const accept = (_info: unknown, done: (err: null) => void) => {
      done(null);
      conn.sequenceId = 0;
    };
    conn.serverHandshake({ protocolVersion: 10, serverVersion: o.version, connectionId: connectionIds++, statusFlags: 2, characterSet: 33, capabilityFlags: 0xffffff, authCallback: accept });
    conn.on("query", (q: unknown) => {
      const sql = String(q);
      record(sql);
      o.onQuery?.(sql);
      const send = () => replay(conn, stream, sql, cache, () => answer(conn, sql, rules, scenario, o.version));
      if (o.latencyMs) setTimeout(send, o.latencyMs);
      else send();
    });
    // mysql2's server API hands SET statements (and PREPARE) to stmt_prepare.
    conn.on("stmt_prepare", (q: unknown) => {
      if (String(q) === SAFE_SQL_MODE) return (sessionSetups++, writeOk(conn));
      record(String(q));
      o.onQuery?.(String(q));
      writeOk(conn);
    });
  });
  return new Promise((resolve, reject) => {
    // A listen that fails (no free port: a 10,000-fake run right after another leaves ports in TIME_WAIT) rejects.
    inner.once("error", reject);
    inner.listen(0, "127.0.0.1", () => {
      inner.off("error", reject);
      resolve({
        port: (inner.address() as net.AddressInfo).port,
        queries,
        get sessionSetups() {
          return sessionSetups;
        },
        setScenario: (next) => {
          scenario = next;
          cache.clear();
        },
        setHang: (next) => {
          hang = next;
          if (hang) sockets.forEach((s) => s.destroy());
        },
        close: () => new Promise<void>((done) => {
          sockets.forEach((s) => s.destroy());
          inner.close(() => done());
        }),
      });
    });
  });
}
