// One throw-away MariaDB server: temporary datadir, free loopback port, root over TCP without a password.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import mysql, { type ConnectionOptions } from "mysql2/promise";
import { mariadbBinaries } from "./binaries";
import { untrack } from "./registry";

/** Options for a sandbox; defaults give a binlog-enabled ROW-format server with a unique server_id. */
export interface SandboxOptions {
  name?: string;
  serverId?: number;
  logBin?: boolean;
  extraArgs?: string[];
}


const realpath = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** Ports this process has handed out: never handed out twice, so parallel starts cannot pick the same one. */
const handedOut = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * A free TCP port on 127.0.0.1, chosen at random in 20000–27999 (Galera blocks take 28000–29999, replscope instances
 * of the multi-instance tests 30000–32767): below Linux's ephemeral range (no outgoing
 * connection or `listen(0)` of another process takes it meanwhile) and never one this process handed out before.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 8000);
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await bindable(port)) return port;
  }
}

/** A running sandbox with lifecycle controls and fault injection at the process level. */
export class Sandbox {
  readonly host = "127.0.0.1";
  private child?: ChildProcess;
  private paused = false;

  constructor(readonly name: string, readonly port: number, readonly serverId: number, readonly dir: string, private readonly args: string[]) {}

  /** The data directory of this server. */
  get datadir() {
    return path.join(this.dir, "data");
  }

  /** Root login options for mysql2. */
  connectionOptions(): ConnectionOptions {
    return { host: this.host, port: this.port, user: "root", password: "", connectTimeout: 5000, multipleStatements: false };
  }

  /** Runs one statement as root on a fresh connection (closed afterwards, destroyed on error). */
  async query<T = Record<string, unknown>[]>(sql: string, params?: unknown[]): Promise<T> {
    return this.session(async (conn) => (await conn.query(sql, params))[0] as T);
  }

  /** Runs several statements on one root connection (e.g. session variables), closing it afterwards. */
  async session<T>(fn: (conn: mysql.Connection) => Promise<T>): Promise<T> {
    const conn = await mysql.createConnection(this.connectionOptions());
    try {
      const result = await fn(conn);
      await conn.end();
      return result;
    } catch (e) {
      conn.destroy();
      throw e;
    }
  }

  /** True while the server is frozen by `pause()`. */
  get isPaused() {
    return this.paused;
  }

  /** The server's process id while it runs. */
  pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Starts (or restarts) mariadbd on the same datadir and port and waits until it accepts logins. */
  async start(): Promise<void> {
    const { server } = mariadbBinaries();
    this.child = spawn(server, this.args, { stdio: "ignore" });
    this.paused = false;
    const exited = new Promise<never>((_, reject) => this.child!.once("exit", (code) => reject(new Error(`mariadbd exited (${code}):\n${this.errorLogTail()}`))));
    exited.catch(() => {});
    await Promise.race([this.waitReady(), exited]);
  }

  /** How long start() waits for logins (a Galera joiner's state transfer needs longer than the default 30 s). */
  startTimeoutMs = 30_000;

  private async waitReady() {
    const end = Date.now() + this.startTimeoutMs;
    let lastError: Error | undefined;
    while (Date.now() < end) {
      try {
        const c = await mysql.createConnection({ ...this.connectionOptions(), connectTimeout: 1000 });
        const [rows] = await c.query("SELECT @@datadir AS d").finally(() => c.end());
        const answered = realpath(String((rows as { d: string }[])[0].d));
        if (answered === realpath(this.datadir)) return;
        lastError = new Error(`port ${this.port} in use by another server (datadir ${answered})`);
        throw lastError;
      } catch (e) {
        if (e === lastError) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`sandbox ${this.name} did not accept connections in ${this.startTimeoutMs / 1000} s:\n${this.errorLogTail()}`);
  }

  /** The last lines of the server's error log, for failure messages. */
  errorLogTail(lines = 15): string {
    try {
      return fs.readFileSync(path.join(this.dir, "err.log"), "utf8").trim().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no error log)";
    }
  }

  private async signal(sig: NodeJS.Signals, graceMs: number) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode) return;
    const done = new Promise((r) => child.once("exit", r));
    if (this.paused) child.kill("SIGCONT");
    this.paused = false;
    child.kill(sig);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await done;
    clearTimeout(timer);
  }

  /** Clean shutdown (SIGTERM), waiting for the process to exit. */
  stop = () => this.signal("SIGTERM", 20_000);
  /** Crash (SIGKILL), as a power loss would. */
  kill9 = () => this.signal("SIGKILL", 0);
  /** Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered. */
  pause = async () => {
    this.child?.kill("SIGSTOP");
    this.paused = true;
  };
  /** Unfreezes a paused server (SIGCONT). */
  resume = async () => {
    this.child?.kill("SIGCONT");
    this.paused = false;
  };
  /** Kills the server and removes its datadir. */
  destroy = async () => {
    await this.signal("SIGKILL", 0);
    fs.rmSync(this.dir, { recursive: true, force: true });
    untrack(this);
  };
}

