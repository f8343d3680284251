// A MySQL-protocol listener that records who connects and which login it receives, then refuses it (access denied):
// the stand-in for a host an attacker controls, to prove whether replscope sent it credentials.
import { createHash } from "node:crypto";
import type net from "node:net";
import mysql from "mysql2";

/** One login attempt as the listener received it. */
export interface RecordedLogin {
  user: string;
  /** The mysql_native_password token (SHA1-based scramble of the password; empty for an empty password). */
  token: Buffer;
  scramble: Buffer;
}

/** A running recorder. */
export interface LoginRecorder {
  port: number;
  /** TCP connections accepted (a login attempt or not). */
  connections: number;
  logins: RecordedLogin[];
  /** Whether some login carried a token computed from this password (i.e. the password was used against us). */
  sawPassword(password: string): boolean;
  reset(): void;
  close(): Promise<void>;
}

const sha1 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash("sha1")).digest();

/** mysql_native_password: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). */
export function nativeToken(password: string, scramble: Buffer): Buffer {
  if (!password) return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, "utf8"));
  const stage3 = sha1(scramble.subarray(0, 20), sha1(stage1));
  return Buffer.from(stage3.map((b, i) => b ^ stage1[i]));
}

/** Starts a recorder on 127.0.0.1 (free port); every login is answered with ER_ACCESS_DENIED_ERROR. */
export function startLoginRecorder(version = "10.11.6-MariaDB"): Promise<LoginRecorder> {
  const state = { connections: 0, logins: [] as RecordedLogin[] };
  const sockets = new Set<net.Socket>();
  const server = mysql.createServer((raw) => {
    const conn = raw as unknown as { on(e: string, l: (...a: unknown[]) => void): void; serverHandshake(o: object): void; stream: net.Socket };
    sockets.add(conn.stream);
    conn.stream.on("close", () => sockets.delete(conn.stream));
    conn.on("error", () => {});
    state.connections++;
    conn.serverHandshake({
      protocolVersion: 10, serverVersion: version, connectionId: state.connections, statusFlags: 2, characterSet: 33, capabilityFlags: 0xffffff,
      authCallback: (info: { user: string; authToken?: Buffer; authPluginData1: Buffer; authPluginData2: Buffer }, done: (err: null, e?: { message: string; code: number }) => void) => {
        state.logins.push({ user: info.user, token: Buffer.from(info.authToken ?? []), scramble: Buffer.concat([info.authPluginData1, info.authPluginData2]) });
        done(null, { message: `Access denied for user '${info.user}'`, code: 1045 });
      },
    });
  });
  const inner = (server as unknown as { _server: net.Server })._server;
  return new Promise((resolve) => inner.listen(0, "127.0.0.1", () => resolve({
    port: (inner.address() as net.AddressInfo).port,
    get connections() {
      return state.connections;
    },
    get logins() {
      return state.logins;
    },
    sawPassword: (password) => state.logins.some((l) => l.token.length > 0 && l.token.equals(nativeToken(password, l.scramble))),
    reset: () => {
      state.connections = 0;
      state.logins = [];
    },
    close: () => new Promise<void>((done) => {
      sockets.forEach((s) => s.destroy());
      inner.close(() => done());
    }),
  })));
}
