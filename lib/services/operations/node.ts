// Reads a registered server's replication state into the planner's NodeView (connecting: ../live-server.ts).
import "server-only";
import { listServers, type ServerRecord } from "@/lib/data/servers";
import { replicatesFrom } from "@/lib/domain/operations/repoint";
import type { NodeView } from "@/lib/domain/operations/types";
import { normaliseReplicaRows } from "@/lib/domain/replica-status";
import { normaliseFacts, normaliseSourceStatus } from "@/lib/domain/server-facts";
import type { TimedConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { type Live, onServer } from "../live-server";

/** Reads the server's state now, as the planner needs it. */
export async function readNode(s: Live, c: TimedConnection): Promise<NodeView> {
  const raw = await readStatus(c, s.version, []);
  return {
    id: s.record.id, name: s.record.name, host: s.record.host, port: s.record.port, version: raw.version,
    facts: normaliseFacts(raw.factsRow, raw.semiSyncRows, raw.semiSyncStatusRows), channels: normaliseReplicaRows(raw.replicaRows), sourceStatus: normaliseSourceStatus(raw.sourceRows),
  };
}

/** Opens, reads and closes: one server's NodeView. */
export const snapshotNode = (s: Live) => onServer(s, (c) => readNode(s, c));

/** The registered server a node's channel (the named one, else the first) replicates from (by host:port), if any. */
export async function registeredSourceOf(node: NodeView, channel?: string): Promise<ServerRecord | null> {
  const ch = node.channels.find((c) => c.channel === channel) ?? node.channels[0];
  if (!ch) return null;
  return (await listServers()).find((r) => r.id !== node.id && replicatesFrom(ch, { host: r.host, port: r.port, facts: { serverId: null } as NodeView["facts"] })) ?? null;
}
