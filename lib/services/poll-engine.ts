// Polls and evaluates servers, remembering each one's last status and since when it is in its health state: the
// poller's per-server work, run on the main thread or inside a poll thread (./poll-threads) with the same code.
import "server-only";
import type { Thresholds } from "@/lib/domain/health";
import { failedPoll, reshapePoll } from "@/lib/domain/poll";
import { evaluateReached, evaluateUnreached, type LagMemory, lagMemoryOf, type ServerStatus } from "@/lib/domain/server-status";
import { maskStatusErrors } from "@/lib/domain/status-mask";
import type { ServerVersion } from "@/lib/domain/dialect";
import type { LagPoint, StoredState } from "@/lib/data/status";
import { ConnectionCache } from "@/lib/mysql/connection-cache";
import type { ServerTarget } from "@/lib/mysql/connection";
import { mapLimit } from "@/lib/mysql/limit";
import { readStatus } from "@/lib/mysql/status";

/** What polling one server takes: plain data, so it can be handed to a poll thread. */
export interface PollJob {
  id: string;
  /** The connection details; a null password could not be unsealed (the server is reported, never polled). */
  target: Omit<ServerTarget, "password"> & { password: string | null };
  known: ServerVersion | null;
  thresholds: Thresholds;
  /** The heartbeat writer's last failure on this server, kept with its status. */
  heartbeatWriteError: string | null;
}

/** One sweep's settings. */
export interface SweepOptions {
  concurrency: number;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  heartbeatSchemas: string[];
  /** Shown when a password could not be unsealed. */
  unsealable: string;
}

/** One server's result, as stored: its state row and lag samples (status: the evaluated object, when at hand). */
export interface Swept {
  stored: StoredState;
  samples: (LagPoint & { serverId: string })[];
  status?: ServerStatus;
}

/** The stored row of a status. */
function toStored(id: string, s: ServerStatus, stateSince: number): StoredState {
  return { serverId: id, state: s.state, lagSeconds: s.lagSeconds, lagSource: s.lagSource, snapshot: JSON.stringify(s), checkedAt: s.checkedAt, reachedAt: s.reachedAt, stateSince };
}

/** The lag samples of a status, one per channel (null lag when the server could not be reached). */
function toSamples(id: string, s: ServerStatus) {
  const reached = s.state !== "unreachable";
  return s.channels.map((c) => ({ serverId: id, channel: c.channel, at: s.checkedAt, lagSeconds: reached ? c.lagSeconds : null, source: (reached && c.lagSource) || "unknown" }));
}

/** What the engine keeps of a server's last status: the lag memory its next poll needs, and the status as stored (its
 *  JSON: one flat string, our own of a sweep ago), parsed only when the next poll fails and the last facts carry on. */
interface Remembered {
  memory: LagMemory;
  snapshot: string;
}

const remembered = (status: ServerStatus, snapshot = JSON.stringify(status)): Remembered => ({ memory: lagMemoryOf(status), snapshot });

/**
 * Keeps connections and last statuses between sweeps. Servers that were unreachable last time are polled in a lane
 * of their own, so their timeouts never hold up the healthy servers' slots.
 */
export class PollEngine {
  private cache = new ConnectionCache();
  private previous = new Map<string, Remembered>();
  private stateSince = new Map<string, number>();
  /** Whether it holds the stored statuses to start from (false: seed it before the next sweep). */
  seeded = false;

  /** Starts from stored statuses (a new term, or a poll thread that took over these servers). */
  seed(statuses: Iterable<[string, ServerStatus]>, stateSince: Iterable<[string, number | null]>) {
    this.previous = new Map([...statuses].map(([id, status]) => [id, remembered(status)]));
    for (const [id, since] of stateSince) if (since != null) this.stateSince.set(id, since);
    this.seeded = true;
  }

  /** Polls `jobs`, handing each server's result to `emit` as soon as it is known; `keep` results carry their status object. */
  async sweep(jobs: PollJob[], o: SweepOptions, emit: (s: Swept) => void, keep = true): Promise<void> {
    this.cache.retain(new Set(jobs.map((j) => j.id)));
    const one = async (j: PollJob) => {
      const before = this.previous.get(j.id);
      const poll = await this.pollOne(j, o);
      const now = Date.now() / 1000;
      const evaluated = poll.ok ? evaluateReached(poll, j.thresholds, now, before?.memory ?? null) : evaluateUnreached(poll.error, now, before ? (JSON.parse(before.snapshot) as ServerStatus) : null);
      // Error texts are masked before the status is kept, stored or shown (a replica's error can quote a CREATE USER).
      const status = maskStatusErrors(j.heartbeatWriteError ? { ...evaluated, heartbeatWriteError: j.heartbeatWriteError } : evaluated, [j.target.password]);
      if (!before || before.memory.state !== status.state || !this.stateSince.has(j.id)) this.stateSince.set(j.id, status.checkedAt);
      const stored = toStored(j.id, status, this.stateSince.get(j.id)!);
      this.previous.set(j.id, remembered(status, stored.snapshot));
      emit({ stored, samples: toSamples(j.id, status), status: keep ? status : undefined });
    };
    const suspect = (j: PollJob) => this.previous.get(j.id)?.memory.state === "unreachable";
    const suspects = jobs.filter(suspect);
    await Promise.all([mapLimit(jobs.filter((j) => !suspect(j)), o.concurrency, one), mapLimit(suspects, suspects.length, one)]);
  }

  /** Closes every connection and forgets every status (a later term starts from the database's state). */
  forget() {
    this.cache.closeAll();
    this.previous.clear();
    this.stateSince.clear();
    this.seeded = false;
  }

  /** Same as forget (nothing else to release on the main thread). */
  close() {
    this.forget();
  }

  private async pollOne(j: PollJob, o: SweepOptions) {
    const { password } = j.target;
    if (password === null) return { ok: false as const, error: o.unsealable };
    const timeouts = { connectTimeoutMs: o.connectTimeoutMs, queryTimeoutMs: o.queryTimeoutMs };
    try {
      return reshapePoll(await this.cache.use(j.id, { ...j.target, password }, timeouts, (c) => readStatus(c, j.known, o.heartbeatSchemas)));
    } catch (e) {
      return failedPoll(e, `${j.target.host}:${j.target.port}`, o.connectTimeoutMs);
    }
  }
}
