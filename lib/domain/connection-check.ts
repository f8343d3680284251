// What a connection test found, in plain words: classification of greetings and driver errors (pure).
import { type Withheld, withheldDetail } from "./password-exchange";

/** The outcomes a user can be told about. */
export type CheckStatus = "ok" | "access_denied" | "unknown_host" | "refused" | "timeout" | "not_mysql" | "tls" | "password_withheld" | "error";

/** The result of testing a server: status, a plain sentence, and flavor/version when it answered. */
export interface CheckResult {
  status: CheckStatus;
  detail: string;
  flavor?: "mysql" | "mariadb";
  version?: string;
}

/** Short labels for badges. */
export const CHECK_LABELS: Record<CheckStatus, string> = {
  ok: "ok",
  access_denied: "access denied",
  unknown_host: "unknown host",
  refused: "connection refused",
  timeout: "timed out",
  not_mysql: "not a MySQL server",
  tls: "TLS problem",
  password_withheld: "password withheld",
  error: "error",
};

/** What the first bytes from a port say: a MySQL greeting, a MySQL error packet, not MySQL, or not enough yet. */
export type Greeting =
  | { kind: "incomplete" }
  | { kind: "mysql"; version: string }
  | { kind: "mysql_error"; errno: number; message: string }
  | { kind: "not_mysql" };

/** Parses a server's first packet (protocol 10 handshake or an 0xff error packet). */
export function parseGreeting(buf: Uint8Array): Greeting {
  if (buf.length < 5) return { kind: "incomplete" };
  const len = buf[0] | (buf[1] << 8) | (buf[2] << 16);
  if (buf[3] !== 0 || len < 2 || len > 1024) return { kind: "not_mysql" };
  if (buf.length < 4 + len) return { kind: "incomplete" };
  const payload = Buffer.from(buf.subarray(4, 4 + len));
  if (payload[0] === 0xff) {
    const errno = payload.readUInt16LE(1);
    const text = payload.subarray(3).toString("utf8").replace(/^#\w{5}/, "");
    return { kind: "mysql_error", errno, message: text };
  }
  const nul = payload.indexOf(0, 1);
  if (payload[0] !== 10 || nul < 2) return { kind: "not_mysql" };
  const version = payload.subarray(1, nul).toString("latin1");
  return /^\d+\.\d+/.test(version) ? { kind: "mysql", version } : { kind: "not_mysql" };
}

/** The error fields replscope reads from node and mysql2 errors. */
export interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  /** Set by replscope's auth plugins when the server asked for the password in a form it could read. */
  withheld?: { reason: Withheld; plugin: string };
}

const TLS_CODES = /^(HANDSHAKE_NO_SSL_SUPPORT|HANDSHAKE_SSL_ERROR|ERR_SSL_|ERR_TLS_|EPROTO$|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_)/;

/** Maps a driver or socket error to a status and a plain sentence naming the host. */
export function classifyError(err: DriverError, where: string, timeoutMs: number): CheckResult {
  const code = err.code ?? "";
  const msg = err.message ?? "unknown error";
  if (err.withheld) return { status: "password_withheld", detail: withheldDetail(where, err.withheld.reason, err.withheld.plugin) };
  if (code === "ER_ACCESS_DENIED_ERROR" || err.errno === 1045 || err.errno === 1698)
    return { status: "access_denied", detail: `Access denied: ${where} rejected the user name or password.` };
  if (code === "ER_DBACCESS_DENIED_ERROR" || err.errno === 1044)
    return { status: "access_denied", detail: `Access denied: ${msg}` };
  if (err.errno === 1130) return { status: "access_denied", detail: `Access denied: ${where} does not allow this host to connect (${msg}).` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || code === "EAI_FAIL")
    return { status: "unknown_host", detail: `Unknown host: the name in ${where} does not resolve.` };
  if (code === "ECONNREFUSED") return { status: "refused", detail: `Connection refused: nothing listens on ${where}.` };
  if (code === "ETIMEDOUT")
    return { status: "timeout", detail: `Timed out after ${seconds(timeoutMs)}: ${where} did not accept a connection (host down, or filtered by a firewall).` };
  if (code === "GREETING_TIMEOUT" || code === "PROTOCOL_SEQUENCE_TIMEOUT")
    return { status: "timeout", detail: `Timed out after ${seconds(timeoutMs)}: ${where} accepted the connection but did not answer (server hung or overloaded, or not a MySQL port).` };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return { status: "timeout", detail: `Unreachable: no network route to ${where}.` };
  if (TLS_CODES.test(code) || /ssl|tls|certificate/i.test(msg))
    return { status: "tls", detail: `TLS problem with ${where}: ${msg}` };
  if (code === "NOT_MYSQL" || code.startsWith("PROTOCOL_") || code === "ECONNRESET")
    return { status: "not_mysql", detail: `Not a MySQL server: ${where} answered, but not with the MySQL protocol.` };
  return { status: "error", detail: `${where}: ${msg}${err.errno ? ` (error ${err.errno})` : ""}` };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
