// Acting on a live registered server, written once: load the row, decrypt its credentials, connect, run audited
// statements (masked by the audit writer; duration, error), for operations, the wizard, the switchover, the failover.
import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { findServer, loadTarget, type ServerRecord, UNSEALABLE } from "@/lib/data/servers";
import type { Caller } from "@/lib/domain/auth";
import { type ServerVersion, versionOf } from "@/lib/domain/dialect";
import { type ServerTarget, type TimedConnection, withConnection } from "@/lib/mysql/connection";
import { env } from "@/lib/config/env";

/** A registered server with its decrypted credentials and known version: ready to connect. */
export interface Live {
  record: ServerRecord;
  target: ServerTarget;
  version: ServerVersion;
}

/** Who asked and from where, for the audit trail. */
export type { Caller };

/** Makes a registry row connectable; throws a plain message (naming `role`) when it cannot be used. */
export async function liveServer(record: ServerRecord | null, role: string): Promise<Live> {
  if (!record) throw new Error(`The ${role} server is no longer registered.`);
  const t = await loadTarget(record.id);
  if (!t || t.password === null) throw new Error(`${record.name}: ${UNSEALABLE}`);
  const version = versionOf(record);
  if (!version) throw new Error(`${record.name}'s version is unknown: test its connection first.`);
  return { record, target: { ...t, password: t.password }, version };
}

/** Loads a server by id, connectable; throws a plain message when it cannot be used. */
export const loadLive = async (id: string, role = "chosen"): Promise<Live> => liveServer(await findServer(id), role);

/** Runs `fn` on one connection to the server (the app's connect timeout; 60 s per statement unless told). */
export function onServer<T>(s: Live, fn: (c: TimedConnection) => Promise<T>, queryTimeoutMs = 60_000): Promise<T> {
  return withConnection(s.target, { connectTimeoutMs: env().REPLSCOPE_CONNECT_TIMEOUT_MS, queryTimeoutMs }, fn);
}

/** Runs one changing statement on an open connection, audited under `action` (with duration and error); the audit
 * writer masks statement and error with the server's password, `secrets` and any password clause. */
export async function auditedExec<T = unknown>(c: TimedConnection, s: Live, sql: string, action: string, caller: Caller, secrets: string[] = []): Promise<T> {
  const started = Date.now();
  const entry = { actor: caller.actor, address: caller.address, action, serverId: s.record.id, serverName: s.record.name, statement: sql, secrets: [...secrets, s.target.password] };
  try {
    const rows = await c.query<T>(sql);
    await recordAudit({ ...entry, durationMs: Date.now() - started, error: null });
    return rows;
  } catch (e) {
    await recordAudit({ ...entry, durationMs: Date.now() - started, error: (e as Error).message });
    throw e;
  }
}
