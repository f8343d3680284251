// Reads a registered server's replication state into the planner's NodeView, and runs audited statements on it.
import "server-only";
import { recordAudit } from "@/lib/data/audit";
import type { Caller } from "@/lib/domain/auth";
import { findServer, listServers, type ServerRecord } from "@/lib/data/servers";
import { maskSecrets } from "@/lib/domain/bootstrap/statements";
import { replicatesFrom } from "@/lib/domain/operations/repoint";
import type { NodeView } from "@/lib/domain/operations/types";
import { normaliseReplicaRows } from "@/lib/domain/replica-status";
import { normaliseFacts, normaliseSourceStatus } from "@/lib/domain/server-facts";
import { type TimedConnection, withConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { env } from "@/lib/config/env";
import { loadRunServer, type RunServer } from "../bootstrap/context";

/** A registered server, connectable. */
export type Live = RunServer;

/** Loads a server with credentials and version; throws a plain message when it cannot be used. */
export const loadLive = async (id: string): Promise<Live> => loadRunServer(await findServer(id), "chosen");

/** Runs `fn` on one connection to the server (operation timeouts: the app's connect timeout, 60 s per statement). */
export function onServer<T>(s: Live, fn: (c: TimedConnection) => Promise<T>, queryTimeoutMs = 60_000): Promise<T> {
  return withConnection(s.target, { connectTimeoutMs: env().REPLSCOPE_CONNECT_TIMEOUT_MS, queryTimeoutMs }, fn);
}

/** Reads the server's state now, as the planner needs it. */
export async function readNode(s: Live, c: TimedConnection): Promise<NodeView> {
  const raw = await readStatus(c, s.version, []);
  return {
    id: s.record.id, name: s.record.name, host: s.record.host, port: s.record.port, version: raw.version,
    facts: normaliseFacts(raw.factsRow, raw.semiSyncRows), channels: normaliseReplicaRows(raw.replicaRows), sourceStatus: normaliseSourceStatus(raw.sourceRows),
  };
}

/** Opens, reads and closes: one server's NodeView. */
export const snapshotNode = (s: Live) => onServer(s, (c) => readNode(s, c));

/** The registered server a node's single channel replicates from (by host:port), if any. */
export async function registeredSourceOf(node: NodeView): Promise<ServerRecord | null> {
  const ch = node.channels[0];
  if (!ch) return null;
  return (await listServers()).find((r) => r.id !== node.id && replicatesFrom(ch, { host: r.host, port: r.port, facts: { serverId: null } as NodeView["facts"] })) ?? null;
}

/** Who asked and from where, for the audit trail. */
export type { Caller };

/** Runs one changing statement on an open connection, audited (masked, with duration and error). */
export async function auditedExec(c: TimedConnection, s: Live, sql: string, action: string, caller: Caller, secrets: string[] = []): Promise<void> {
  const started = Date.now();
  const statement = maskSecrets(sql, [...secrets, s.target.password]);
  try {
    await c.query(sql);
    await recordAudit({ actor: caller.actor, address: caller.address, action, serverId: s.record.id, serverName: s.record.name, statement, durationMs: Date.now() - started, error: null });
  } catch (e) {
    await recordAudit({ actor: caller.actor, address: caller.address, action, serverId: s.record.id, serverName: s.record.name, statement, durationMs: Date.now() - started, error: (e as Error).message, secrets: [...secrets, s.target.password] });
    throw e;
  }
}
