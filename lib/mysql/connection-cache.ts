// Keeps one open connection per monitored server between sweeps; a connection that errs is destroyed, never reused.
import "server-only";
import type { Connection } from "mysql2/promise";
import { borrowedEndpoint, policyFor } from "@/lib/domain/password-exchange";
import { openConnection, type ServerTarget, timed, type TimedConnection, type Timeouts } from "./connection";

interface Entry {
  key: readonly unknown[];
  conn: Connection;
}

/** Everything a connection was opened with: a change to any of it opens a new connection. */
function targetKey(t: ServerTarget): readonly unknown[] {
  const p = policyFor(t);
  return [t.host, t.port, t.user, t.password, t.tlsMode, borrowedEndpoint(t), p !== null, p?.allowPublicKeyRetrieval, p?.serverPublicKey];
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A cache of live connections keyed by server id; changed credentials open a new connection. */
export class ConnectionCache {
  private entries = new Map<string, Entry>();

  /** Runs `fn` on the server's cached connection (opening one if needed); on any error the connection is dropped. */
  async use<T>(id: string, target: ServerTarget, timeouts: Timeouts, fn: (c: TimedConnection) => Promise<T>): Promise<T> {
    const key = targetKey(target);
    let entry = this.entries.get(id);
    if (entry && !sameKey(entry.key, key)) this.drop(id);
    entry = this.entries.get(id);
    if (!entry) {
      const conn = await openConnection(target, timeouts.connectTimeoutMs);
      conn.on("error", () => this.drop(id, conn));
      entry = { key, conn };
      this.entries.set(id, entry);
    }
    const conn = entry.conn;
    try {
      return await fn(timed(conn, timeouts.queryTimeoutMs));
    } catch (e) {
      this.drop(id, conn);
      throw e;
    }
  }

  /** Destroys a server's connection (only if it is still the given one, when given). */
  drop(id: string, only?: Connection) {
    const entry = this.entries.get(id);
    if (!entry || (only && entry.conn !== only)) return;
    this.entries.delete(id);
    entry.conn.destroy();
  }

  /** Closes connections of servers no longer registered. */
  retain(ids: Set<string>) {
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.drop(id);
  }

  /** Closes everything (shutdown, tests). */
  closeAll() {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  /** How many connections are open. */
  get size() {
    return this.entries.size;
  }
}
