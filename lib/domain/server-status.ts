// One poll of one server turned into what the UI and API show: channels with health, server state, headline lag.
import { classifyChannel, type ChannelHealth, type HealthState, type KnownLag, type LagSource, type Thresholds, worstHealth } from "./health";
import type { ChannelStatus } from "./replica-status";
import type { GaleraState } from "./galera";
import type { GroupState } from "./group-replication";
import type { ServerFacts, SourceStatus } from "./server-facts";

/** A channel with its verdict. */
export type ChannelView = ChannelStatus & ChannelHealth;

/** What a poll produced: normalised status, or why the server could not be read. */
export type PollOutcome =
  | { ok: true; channels: ChannelStatus[]; facts: ServerFacts; source: SourceStatus | null; heartbeatLag: number | null; galera?: GaleraState | null; group?: GroupState | null }
  | { ok: false; error: string };

/** A server's evaluated status (stored as the snapshot, served by /api/status). */
export interface ServerStatus {
  state: HealthState;
  lagSeconds: number | null;
  lagSource: LagSource | null;
  error: string | null;
  facts: ServerFacts | null;
  source: SourceStatus | null;
  channels: ChannelView[];
  checkedAt: number;
  reachedAt: number | null;
  /** Consecutive polls that could not reach the server (0 or absent when the last one did). */
  unreachablePolls?: number;
  /** The Galera node's view of its cluster (absent or null when not a Galera member). */
  galera?: GaleraState | null;
  /** The Group Replication member's view of its group (absent or null when not a member). */
  group?: GroupState | null;
  /** The leader's last failure writing this server's heartbeat row (absent or null: none), kept with the status so
   *  every instance's server page shows it, not only the leader's. */
  heartbeatWriteError?: string | null;
}

/** What evaluating a reached server's next poll needs of its last status: its state and each channel's last known lag
 *  (a full status satisfies it). A poller keeps this per server rather than the status: a few small objects instead of
 *  hundreds, which the garbage collector no longer copies each sweep. */
export interface LagMemory {
  state: HealthState;
  channels: Pick<ChannelView, "channel" | "lastKnown">[];
}

/** The lag memory of a status (fresh small objects, holding nothing else of it). */
export function lagMemoryOf(s: ServerStatus): LagMemory {
  return { state: s.state, channels: s.channels.map((c) => ({ channel: c.channel, lastKnown: c.lastKnown })) };
}

/**
 * Evaluates one poll at `now`, using the previous status to estimate lag that can no longer be measured. Takes the
 * poll's channels over (they become the status's channels).
 */
export function evaluateServer(poll: PollOutcome, t: Thresholds, now: number, previous: ServerStatus | null): ServerStatus {
  return poll.ok ? evaluateReached(poll, t, now, previous) : evaluateUnreached(poll.error, now, previous);
}

/** A server that could not be reached: its last facts and channels stay shown, with how many polls in a row failed. */
export function evaluateUnreached(error: string, now: number, previous: ServerStatus | null): ServerStatus {
  return {
    state: "unreachable",
    lagSeconds: null,
    lagSource: null,
    error,
    facts: previous?.facts ?? null,
    source: previous?.source ?? null,
    channels: previous?.channels ?? [],
    checkedAt: now,
    reachedAt: previous?.reachedAt ?? null,
    unreachablePolls: (previous?.state === "unreachable" ? (previous.unreachablePolls ?? 1) : 0) + 1,
    galera: previous?.galera ?? null,
    group: previous?.group ?? null,
  };
}

/**
 * A reached server's poll with each channel's verdict; the lag memory estimates lag that can no longer be measured.
 * Heartbeat lag applies to single-channel replicas (a multi-source replica cannot tell which source it measures).
 */
export function evaluateReached(poll: Extract<PollOutcome, { ok: true }>, t: Thresholds, now: number, previous: LagMemory | null): ServerStatus {
  const known = (channel: string): KnownLag | null => previous?.channels.find((c) => c.channel === channel)?.lastKnown ?? null;
  // The poll's channels are its own fresh objects: each is completed in place with its verdict. A copy (`{ ...c, ...h }`)
  // of their 37 fields cost ~10 µs per channel and left a dictionary-mode object that JSON.stringify walks 4× slower.
  const channels: ChannelView[] = poll.channels.map((c) => Object.assign(c, classifyChannel(c, t, now, poll.channels.length === 1 ? poll.heartbeatLag : null, known(c.channel))));
  const headline = channels.reduce<ChannelView | null>((w, c) => (w === null || (c.lagSeconds ?? -1) > (w.lagSeconds ?? -1) ? c : w), null);
  return {
    state: worstHealth(channels.map((c) => c.state)),
    lagSeconds: headline?.lagSeconds ?? null,
    lagSource: headline?.lagSource ?? null,
    error: null,
    facts: poll.facts,
    source: poll.source,
    channels,
    checkedAt: now,
    reachedAt: now,
    galera: poll.galera ?? null,
    group: poll.group ?? null,
  };
}

/** True when the last check is older than `staleAfter` seconds (the poller fell behind or stopped). */
export function isStale(s: Pick<ServerStatus, "checkedAt">, now: number, staleAfter: number): boolean {
  return now - s.checkedAt > staleAfter;
}
