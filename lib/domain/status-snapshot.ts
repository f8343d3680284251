// The stored status snapshot (ServerStatus as JSON text) read back once, validated: a bad one becomes "unknown" (pure).
import { z } from "zod";
import { upgradeStoredSemiSync } from "./semi-sync";
import type { ServerStatus } from "./server-status";

const nullableNumber = z.number().nullable();
const health = z.enum(["ok", "lagging", "critical", "stopped", "broken", "connecting", "unreachable", "unknown"]);
const lagSource = z.enum(["heartbeat", "seconds_behind", "estimated"]);

const channelSchema = z.object({
  channel: z.string(), sourceHost: z.string(), sourceUser: z.string(), sourcePort: z.number(), sourceServerId: nullableNumber, sourceUuid: z.string().nullable(),
  ioThread: z.enum(["running", "connecting", "stopped"]), sqlThread: z.enum(["running", "stopped"]), ioState: z.string(), applierState: z.string(),
  secondsBehind: nullableNumber, sqlDelay: z.number(), sqlRemainingDelay: nullableNumber,
  lastIoErrno: z.number(), lastIoError: z.string(), lastIoErrorAt: z.string().nullable(), lastSqlErrno: z.number(), lastSqlError: z.string(), lastSqlErrorAt: z.string().nullable(),
  sourceLogFile: z.string(), readSourceLogPos: nullableNumber, relaySourceLogFile: z.string(), execSourceLogPos: nullableNumber, relayLogFile: z.string(), relayLogPos: nullableNumber,
  retrievedGtidSet: z.string(), executedGtidSet: z.string(), gtidIoPos: z.string(), gtidSlavePos: z.string(), usingGtid: z.boolean(), gtidMode: z.string(), filters: z.array(z.string()),
  state: health, lagSeconds: nullableNumber, lagSource: lagSource.nullable(), lastKnown: z.object({ lagSeconds: z.number(), at: z.number() }).nullable(),
});

const factsSchema = z.object({
  serverId: nullableNumber, serverUuid: z.string().nullable(), readOnly: z.boolean(), superReadOnly: z.boolean().nullable(), logBin: z.boolean(), binlogFormat: z.string(),
  gtidMode: z.string(), gtidExecuted: z.string(), logReplicaUpdates: z.boolean(), parallelWorkers: z.number(), autoIncrementIncrement: z.number(), autoIncrementOffset: z.number(),
  semiSync: z.preprocess(upgradeStoredSemiSync, z.object({
    sourceEnabled: z.boolean().nullable(), sourceActive: z.boolean().nullable(), replicaEnabled: z.boolean().nullable(), replicaActive: z.boolean().nullable(),
    clients: nullableNumber, noTx: nullableNumber, yesTx: nullableNumber, txAvgWaitMicros: nullableNumber,
  })),
});

const galeraSchema = z.object({
  clusterName: z.string().nullable(), nodeName: z.string().nullable(), clusterSize: z.number(), clusterStatus: z.string(), primary: z.boolean(), localState: z.string(),
  ready: z.boolean(), connected: z.boolean(), flowControlPaused: z.number(), recvQueueAvg: z.number(), stateUuid: z.string(), incomingAddresses: z.array(z.string()), desync: z.boolean(),
});

const groupSchema = z.object({
  groupName: z.string().nullable(), singlePrimary: z.boolean().nullable(), localMemberId: z.string().nullable(),
  members: z.array(z.object({
    memberId: z.string(), host: z.string(), port: z.number(), state: z.string(), role: z.string(), version: z.string(),
    certifyQueue: nullableNumber, applierQueue: nullableNumber, conflicts: nullableNumber,
  })),
});

/** The ServerStatus snapshot as the poller stores it (the type lives in ./server-status; the checks below keep them equal). */
export const serverStatusSchema = z.object({
  state: health, lagSeconds: nullableNumber, lagSource: lagSource.nullable(), error: z.string().nullable(),
  facts: factsSchema.nullable(), source: z.object({ file: z.string(), position: z.number(), gtidExecuted: z.string() }).nullable(),
  channels: z.array(channelSchema), checkedAt: z.number(), reachedAt: nullableNumber, unreachablePolls: z.number().optional(),
  galera: galeraSchema.nullish(), group: groupSchema.nullish(), heartbeatWriteError: z.string().nullish(),
});

type Parsed = z.infer<typeof serverStatusSchema>;
// Compile-time: the schema and the ServerStatus type describe the same shape (a field added to one breaks the build).
const sameShape: [Parsed extends ServerStatus ? true : false, ServerStatus extends Parsed ? true : false] = [true, true];
void sameShape;

/** The row columns kept next to a snapshot, used when the snapshot itself cannot be read. */
export interface SnapshotRow {
  snapshot: string;
  checkedAt: number;
  reachedAt: number | null;
}

/** What a snapshot that does not parse or does not match the schema reads as: an "unknown" state saying why. */
export function unreadableSnapshot(row: Omit<SnapshotRow, "snapshot">, why: string): ServerStatus {
  return {
    state: "unknown", lagSeconds: null, lagSource: null,
    error: `The stored status could not be read (${why}); the next poll replaces it.`,
    facts: null, source: null, channels: [], checkedAt: row.checkedAt, reachedAt: row.reachedAt,
  };
}

/** Parses a stored snapshot once, at the data boundary: valid JSON of the right shape, else `unreadableSnapshot`. */
export function parseSnapshot(row: SnapshotRow): ServerStatus {
  let json: unknown;
  try {
    json = JSON.parse(row.snapshot);
  } catch {
    return unreadableSnapshot(row, "not JSON");
  }
  const r = serverStatusSchema.safeParse(json);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  return unreadableSnapshot(row, `${first?.path.join(".") || "snapshot"}: ${first?.message ?? "invalid"}`);
}
