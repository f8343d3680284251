// One way to talk to a monitored server: a mysql2 connection with connect and query timeouts, always closed.
import "server-only";
import mysql, { type Connection, type ConnectionOptions } from "mysql2/promise";
import { borrowedEndpoint, type KeyPolicy, policyFor } from "@/lib/domain/password-exchange";
import type { TlsMode } from "@/lib/domain/server-input";
import { SAFE_SQL_MODE } from "@/lib/domain/dialect";
import { safeAuthPlugins } from "./auth-plugins";

/** Where and how to connect to a monitored server (password already decrypted; never logged). */
export interface ServerTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  tlsMode: TlsMode;
  /** The registered server's password-exchange settings; they apply only while host and port are theirs. */
  keyPolicy?: KeyPolicy | null;
  /** Credentials registered for another endpoint (a crawl's opt-in): only scramble logins, nothing readable sent. */
  borrowed?: boolean;
}

/** Timeouts for one connection; defaults come from the app configuration. */
export interface Timeouts {
  connectTimeoutMs: number;
  queryTimeoutMs: number;
}

/**
 * mysql2 options for a target: TLS per mode, replscope's auth plugins (a password only to a peer that cannot read
 * it, see auth-plugins.ts), no multi-statements, numbers as JS numbers, a tiny statement cache (we never prepare), no
 * stack captured per query (it cost the poller a tenth of its CPU; our errors never show mysql2 stacks), and rows read
 * by mysql2's static parser: by default it compiles a JavaScript function from the column definitions each server
 * sends (the code path of mysql2's 2024 code-injection CVEs), and V8 spent ~6 s of CPU optimising those for the
 * bench's seven column layouts in a poller's first minute; the static parser costs ~10 % more per statement, nothing
 * the server sends becomes code.
 */
export function connectionOptions(t: ServerTarget, connectTimeoutMs: number): ConnectionOptions {
  const ssl = t.tlsMode === "disabled" ? undefined : { rejectUnauthorized: t.tlsMode === "verify" };
  return {
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    ssl,
    connectTimeout: connectTimeoutMs,
    multipleStatements: false,
    trace: false,
    disableEval: true,
    maxPreparedStatements: 4,
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: true,
    charset: "utf8mb4_general_ci",
    authPlugins: safeAuthPlugins({ host: t.host, tlsMode: t.tlsMode, policy: policyFor(t), borrowed: borrowedEndpoint(t) }),
  };
}

/** A connection whose queries each carry the query timeout. */
export interface TimedConnection {
  query<T = Record<string, unknown>[]>(sql: string, values?: unknown[]): Promise<T>;
  raw: Connection;
}

/** Drops the statement mysql2 attaches to a failed query's error (`.sql`, with any password in it), so no logger prints it. */
function withoutStatement(e: unknown): Error {
  if (e && typeof e === "object" && "sql" in e) delete (e as { sql?: string }).sql;
  return e instanceof Error ? e : new Error(String(e));
}

/** The error a query gets when the server sent nothing for the query timeout (mysql2's code, so callers classify it alike). */
function queryTimeoutError(): Error {
  return Object.assign(new Error("Query inactivity timeout"), { code: "PROTOCOL_SEQUENCE_TIMEOUT", errorno: "PROTOCOL_SEQUENCE_TIMEOUT", syscall: "query" });
}

/**
 * Wraps a connection so every query carries the query timeout (and a failure never carries its statement). The timer
 * is ours, not mysql2's `{ sql, timeout }` form (whose option merging cost the poller ~4 µs per query, 0.2 s per
 * 10,000-server sweep); when it fires the query fails and the connection is destroyed: a session with a statement
 * still outstanding cannot be used again.
 */
export function timed(conn: Connection, queryTimeoutMs: number): TimedConnection {
  return {
    raw: conn,
    query<R>(sql: string, values?: unknown[]) {
      return new Promise<R>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(queryTimeoutError());
          conn.destroy();
        }, queryTimeoutMs);
        conn.query(sql, values).then(
          ([rows]) => {
            clearTimeout(timer);
            resolve(rows as R);
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(withoutStatement(e));
          },
        );
      });
    },
  };
}

/** Opens a connection whose session escapes safely (SAFE_SQL_MODE, one round trip within the connect timeout). */
export async function openConnection(target: ServerTarget, connectTimeoutMs: number): Promise<Connection> {
  const conn = await mysql.createConnection(connectionOptions(target, connectTimeoutMs));
  conn.on("error", () => {});
  try {
    await conn.query({ sql: SAFE_SQL_MODE, timeout: connectTimeoutMs });
    return conn;
  } catch (e) {
    conn.destroy();
    throw e;
  }
}

/** Opens a connection, runs `fn`, and closes it; a failed or timed-out connection is destroyed, not reused. */
export async function withConnection<T>(target: ServerTarget, timeouts: Timeouts, fn: (c: TimedConnection) => Promise<T>): Promise<T> {
  const conn = await openConnection(target, timeouts.connectTimeoutMs);
  conn.on("error", () => conn.destroy());
  try {
    const result = await fn(timed(conn, timeouts.queryTimeoutMs));
    await conn.end().catch(() => conn.destroy());
    return result;
  } catch (e) {
    conn.destroy();
    throw e;
  }
}
