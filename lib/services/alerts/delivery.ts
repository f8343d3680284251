// The delivery worker: sends outbox rows on its own timer with its own concurrency, off the poller's path.
import "server-only";
import { env } from "@/lib/config/env";
import { claimDue, findChannel, markDelivered, markFailed, nextDueAt, type OutboxRow, recordChannelResult } from "@/lib/data/alert-channels";
import { hookSecret } from "@/lib/data/cluster-settings";
import { type Backoff, nextAttemptAt } from "@/lib/domain/alerts/delivery";
import { resolveChannel } from "./channel-admin";
import { type ResolvedChannel, sendTo } from "./channels";

/** Settings of a worker (defaults from the environment; tests pass short ones). */
export interface DeliverySettings {
  concurrency: number;
  timeoutMs: number;
  backoff: Backoff;
  tickMs: number;
  /** How long a claimed row is reserved for this worker (longer than one attempt; after a crash it comes back). */
  leaseMs: number;
}

/** The settings from REPLSCOPE_ALERT_* variables. */
export function deliverySettings(): DeliverySettings {
  const e = env();
  return {
    concurrency: e.REPLSCOPE_ALERT_CONCURRENCY, timeoutMs: e.REPLSCOPE_ALERT_TIMEOUT_MS, tickMs: 1000, leaseMs: e.REPLSCOPE_ALERT_TIMEOUT_MS + 30_000,
    backoff: { baseMs: e.REPLSCOPE_ALERT_BACKOFF_BASE_MS, maxMs: e.REPLSCOPE_ALERT_BACKOFF_MAX_MS, giveUpAfterMs: e.REPLSCOPE_ALERT_GIVE_UP_HOURS * 3_600_000 },
  };
}

/**
 * Claims due notifications (a lease longer than one attempt, so a crashed worker's rows come back), sends each with a
 * bounded timeout, and marks it delivered in the database before counting it done. A crash between the receiver's
 * answer and that mark re-sends it after the lease: receivers de-duplicate on the Idempotency-Key.
 */
export class DeliveryWorker {
  private timer?: NodeJS.Timeout;
  private inFlight = 0;
  private ticking = false;
  private readonly settings: DeliverySettings;
  /** Attempts finished since start (for tests and the bench). */
  attempts = 0;

  constructor(settings: Partial<DeliverySettings> = {}) {
    this.settings = { ...deliverySettings(), ...settings };
  }

  /** Notifications being sent right now. */
  get busy(): number {
    return this.inFlight;
  }

  /** Resolves once no attempt is in flight (for tests and the bench). */
  async idle(maxMs = 60_000): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  /** Starts the timer. */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), this.settings.tickMs);
    this.wake();
  }

  /** Stops the timer (attempts in flight finish on their own, bounded by the timeout). */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Looks for due notifications now (called after an evaluation enqueued some). */
  wake() {
    void this.tick().catch((e) => console.error("replscope: alert delivery failed:", (e as Error).message));
  }

  /** Claims as many due rows as there are free slots and starts sending them; resolves when they were claimed. */
  async tick(): Promise<number> {
    if (this.ticking) return 0;
    this.ticking = true;
    try {
      const free = this.settings.concurrency - this.inFlight;
      if (free <= 0) return 0;
      const rows = await claimDue(Date.now(), free, this.settings.leaseMs);
      for (const row of rows) {
        this.inFlight++;
        void this.deliver(row).finally(() => {
          this.inFlight--;
          this.attempts++;
          if (rows.length === free) this.wake();
        });
      }
      return rows.length;
    } finally {
      this.ticking = false;
    }
  }

  /** Runs ticks until nothing is in flight and nothing is due within `horizonMs` (for tests and the bench; not used by the app). */
  async drain(maxMs = 60_000, horizonMs = 1000): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until) {
      const claimed = await this.tick();
      if (claimed === 0 && this.inFlight === 0) {
        const next = await nextDueAt();
        if (next === null || next > Date.now() + horizonMs) return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const id = Number(row.id);
    const target = await outboxTarget(row);
    if (!target) return;
    const r = await sendTo(target, { bodyJson: row.payload, idempotencyKey: row.idempotencyKey, timeoutMs: this.settings.timeoutMs });
    const now = Date.now();
    if (r.kind === "delivered") await markDelivered(id, now);
    else await markFailed(id, now, r.detail, nextAttemptAt(r, Number(row.attempts) + 1, Number(row.createdAt), now, this.settings.backoff));
    if (row.channelId) await recordChannelResult(row.channelId, r.kind === "delivered", r.kind === "delivered" ? null : r.detail);
  }
}

/**
 * Where a row goes: its channel, or a failover hook URL sent as a webhook signed with the cluster's hook secret, read
 * at send time (the secret is never in the outbox). Null when the channel was deleted meanwhile.
 */
async function outboxTarget(row: OutboxRow): Promise<ResolvedChannel | null> {
  if (row.hookUrl) return { ...HOOK, url: row.hookUrl, secret: (await hookSecret(row.hookCluster ?? "")) || null };
  const channel = row.channelId ? await findChannel(row.channelId) : null;
  return channel && resolveChannel(channel);
}

const HOOK: ResolvedChannel = { id: "", name: "failover hook", kind: "webhook", url: null, secret: null, smtp: null, to: [], minSeverity: "warning", clusters: [] };

const g = globalThis as unknown as { replscopeDelivery?: DeliveryWorker };

/** The process-wide delivery worker. */
export function deliveryWorker(): DeliveryWorker {
  g.replscopeDelivery ??= new DeliveryWorker();
  return g.replscopeDelivery;
}
