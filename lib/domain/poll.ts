// Turns what a poll read (raw rows, or an error) into a PollOutcome for evaluation (pure).
import { type DriverError, classifyError } from "./connection-check";
import { parseGalera } from "./galera";
import { parseGroup } from "./group-replication";
import { heartbeatLag, parseHeartbeatRows } from "./heartbeat";
import { normaliseReplicaRows } from "./replica-status";
import { normaliseFacts, normaliseSourceStatus } from "./server-facts";
import type { PollOutcome } from "./server-status";

/** The raw rows one poll read (the shape lib/mysql returns). */
export interface RawRows {
  replicaRows: Record<string, unknown>[];
  factsRow: Record<string, unknown>;
  semiSyncRows: Record<string, unknown>[];
  /** Semi-sync status counters; empty when semi-sync is off on both sides (not read). */
  semiSyncStatusRows?: Record<string, unknown>[];
  sourceRows: Record<string, unknown>[];
  heartbeatRows: Record<string, unknown>[];
  /** wsrep variables and status (Galera); absent when not read. */
  galeraVariableRows?: Record<string, unknown>[];
  galeraStatusRows?: Record<string, unknown>[];
  /** Group Replication members, member stats and variables (MySQL ≥ 8.0); absent when not read. */
  groupMemberRows?: Record<string, unknown>[];
  groupStatsRows?: Record<string, unknown>[];
  groupVariableRows?: Record<string, unknown>[];
}

/** Normalises a successful poll. */
export function reshapePoll(raw: RawRows): PollOutcome {
  const facts = normaliseFacts(raw.factsRow, raw.semiSyncRows, raw.semiSyncStatusRows);
  const hb = heartbeatLag(parseHeartbeatRows(raw.heartbeatRows), facts.serverId);
  const galera = parseGalera(raw.galeraVariableRows ?? [], raw.galeraStatusRows ?? []);
  const group = parseGroup(raw.groupMemberRows ?? [], raw.groupStatsRows ?? [], raw.groupVariableRows ?? [], facts.serverUuid);
  return { ok: true, channels: normaliseReplicaRows(raw.replicaRows), facts, source: normaliseSourceStatus(raw.sourceRows), heartbeatLag: hb?.lagSeconds ?? null, galera, group };
}

/** A failed poll, explained in the same plain words as a connection test. */
export function failedPoll(e: unknown, where: string, timeoutMs: number): PollOutcome {
  const err = e as DriverError;
  const r = classifyError(err, where, timeoutMs);
  return { ok: false, error: r.status === "error" && !err.errno && err.message ? `${where}: ${err.message}` : r.detail };
}
