// One leader among the instances sharing a database: every 2 s each instance marks itself seen and tries to renew or
// take the lease (10 s). The leader alone runs background work — poller, heartbeat writer, retention, alert
// evaluation and delivery, reporting runs whose owner died — inside its term, so every background write is fenced
// (lib/data/fence.ts). Leadership is given up as soon as a renewal fails for longer than is safe.
import "server-only";
import { env } from "@/lib/config/env";
import { instanceIdentity } from "@/lib/config/instance";
import { runInTerm, type Term } from "@/lib/data/fence";
import { acquireOrRenew, dbNowMs, ensureLeaseRows, listInstances, pruneInstances, readLease, releaseLease, touchInstance } from "@/lib/data/leadership";
import { dropClaimsOf, queuedRunIds } from "@/lib/data/run-requests";
import { markRunsInterrupted } from "@/lib/data/runs";
import { isExecuting } from "./runs/executing";

/** Lease timings (ms): renewed every `renewMs`, taken over `ttlMs` after the last renewal. */
export const LEASE_TIMING = { renewMs: 2000, ttlMs: 10_000 };

/** What the leader starts and stops (the poller and the work hanging off it). */
export interface BackgroundWork {
  start(): void;
  stop(): void;
  /** Called on every lease tick while leading, inside the term (claiming the runs other instances stored). */
  tick?(): Promise<void>;
}

/** What /api/leader-check and the footer show. */
export interface LeaderView {
  instance: string;
  leader: boolean;
  epoch: number | null;
  leaderInstance: string | null;
}

/** The lease loop of this process. */
export class Leadership {
  private timer?: NodeJS.Timeout;
  private term: Term | null = null;
  private lastRenewed = 0;
  private ticking = false;
  private readonly startedAt = Date.now();
  readonly me = instanceIdentity();

  constructor(private readonly work: BackgroundWork, private readonly timing = LEASE_TIMING) {}

  /** Registers this instance and starts contending for the lease. */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.timing.renewMs);
    void this.tick();
  }

  /** Stops contending; a leader stops its work and releases the lease so another instance takes over at once. */
  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    const term = this.term;
    this.lose("stopping");
    if (term) await releaseLease(term).catch(() => undefined);
  }

  /** The current term when this instance leads. */
  get current(): Term | null {
    return this.term;
  }

  /** One round: seen, then renew or take the lease; start or stop the background work accordingly. */
  async tick() {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await ensureLeaseRows();
      await touchInstance(this.me.id, this.me.host, this.startedAt);
      const term = await acquireOrRenew(this.me.id, this.timing.ttlMs, this.term?.epoch ?? null);
      if (!term) return this.lose("another instance holds the lease");
      this.lastRenewed = Date.now();
      // Housekeeping first: the tick's claims must not race its check of which runs execute here.
      if (this.term?.epoch !== term.epoch) await this.win(term);
      if (this.work.tick) await runInTerm(term, () => this.work.tick!()).catch((e: Error) => console.error("replscope: leader tick failed:", e.message));
    } catch (e) {
      // The database is unreachable: keep leading only while our lease certainly has not run out (a safety margin).
      if (this.term && Date.now() - this.lastRenewed > this.timing.ttlMs - 2 * this.timing.renewMs) this.lose(`lease not renewed: ${(e as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  /** Takes the term: starts the background work, then reports the runs their owners left (resolves when done). */
  private win(term: Term): Promise<void> {
    if (this.term) this.work.stop();
    this.term = term;
    console.log(`replscope: instance ${this.me.id} leads (epoch ${term.epoch})`);
    return runInTerm(term, () => {
      this.work.start();
      return this.housekeeping().catch((e) => console.error("replscope: leader housekeeping failed:", (e as Error).message));
    });
  }

  private lose(why: string) {
    if (!this.term) return;
    console.log(`replscope: instance ${this.me.id} stops leading (epoch ${this.term.epoch}): ${why}`);
    this.term = null;
    this.work.stop();
  }

  /** On taking the lease: runs whose owner is no live instance are reported interrupted; long-gone instances forgotten. */
  private async housekeeping() {
    const now = await dbNowMs();
    const alive = new Set((await listInstances(now - this.timing.ttlMs)).map((i) => i.id));
    // SQLite is one process's file: a run owned by any other process was left by a stopped one (it may still look alive).
    const single = env().backend.kind === "sqlite";
    const queued = await queuedRunIds();
    // A run under this instance's own id that does not execute here was left by an earlier process with the same id
    // (REPLSCOPE_INSTANCE_ID set, restarted): its process is gone, even though the id is alive.
    const gone = (owner: string | null, runId: string) => owner === null || (owner === this.me.id ? !isExecuting(runId) : single || !alive.has(owner));
    // A run waiting for the leader was never executed: it is claimed on this tick, not reported.
    const n = await markRunsInterrupted((owner, runId) => !queued.has(runId) && gone(owner, runId));
    await dropClaimsOf(gone);
    if (n.bootstrap) console.log(`replscope: ${n.bootstrap} bootstrap run(s) were interrupted by a stopped instance; they can be retried or aborted`);
    if (n.switchover) console.log(`replscope: ${n.switchover} switchover(s) were interrupted by a stopped instance; check their servers`);
    if (n.failover) console.log(`replscope: ${n.failover} failover(s) were interrupted by a stopped instance; they are not resumed: check their servers`);
    await pruneInstances(now - 86_400_000);
  }

  /** This instance's view of the leadership (from the database, so a paused or deposed leader does not claim it). */
  async view(): Promise<LeaderView> {
    const lease = await readLease(await dbNowMs());
    const leads = !!lease?.live && lease.holder === this.me.id && this.term?.epoch === lease.epoch;
    return { instance: this.me.id, leader: leads, epoch: leads ? lease.epoch : null, leaderInstance: lease?.live ? lease.holder : null };
  }
}

const g = globalThis as unknown as { replscopeLeadership?: Leadership };

/** The process-wide lease loop, created by startServer (null in processes that serve nothing, e.g. scripts). */
export function leadership(): Leadership | null {
  return g.replscopeLeadership ?? null;
}

/** Runs background work where it belongs: in this instance's term when it leads, or at once in a process without a
 *  lease loop (single instance, scripts); never on a follower. Returns whether it ran. */
export function inLeaderTerm(fn: () => void): boolean {
  const l = leadership();
  if (!l) {
    fn();
    return true;
  }
  const term = l.current;
  if (!term) return false;
  runInTerm(term, fn);
  return true;
}

/** Creates and starts the process-wide lease loop with the given background work. */
export function startLeadership(work: BackgroundWork, timing = LEASE_TIMING): Leadership {
  g.replscopeLeadership ??= new Leadership(work, timing);
  g.replscopeLeadership.start();
  return g.replscopeLeadership;
}

/** Instances seen in the last minute, with who leads (for GET /api/instances). */
export async function instancesView(): Promise<{ id: string; host: string; startedAt: string; lastSeenAt: string; leader: boolean }[]> {
  const now = await dbNowMs();
  const lease = await readLease(now);
  const rows = await listInstances(now - 6 * LEASE_TIMING.ttlMs);
  return rows.map((r) => ({ id: r.id, host: r.host, startedAt: new Date(r.startedAt).toISOString(), lastSeenAt: new Date(r.lastSeenAt).toISOString(), leader: !!lease?.live && lease.holder === r.id }));
}

/** The probe's answer: only whether this instance leads, its id and epoch, or who leads instead. */
export async function leaderCheck(): Promise<{ leader: true; instance: string; epoch: number } | { leader: false; leaderInstance: string | null }> {
  const l = leadership();
  if (!l) {
    const lease = await readLease(await dbNowMs()).catch(() => null);
    return { leader: false, leaderInstance: lease?.live ? lease.holder : null };
  }
  const v = await l.view();
  return v.leader && v.epoch !== null ? { leader: true, instance: v.instance, epoch: v.epoch } : { leader: false, leaderInstance: v.leaderInstance };
}

/** For the footer: which instance served this page and which one leads (null when the lease cannot be read). */
export async function servedBy(): Promise<{ instance: string; leaderInstance: string | null } | null> {
  try {
    const lease = await readLease(await dbNowMs());
    return { instance: instanceIdentity().id, leaderInstance: lease?.live ? lease.holder : null };
  } catch {
    return null;
  }
}
