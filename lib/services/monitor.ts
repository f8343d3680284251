// The background poller: one sweep of every registered server at a time, results stored and exported as metrics.
import "server-only";
import { env } from "@/lib/config/env";
import { thresholdsFor } from "@/lib/domain/health";
import type { ServerStatus } from "@/lib/domain/server-status";
import { versionOf } from "@/lib/domain/dialect";
import { listPollTargets, type PollTarget, UNSEALABLE } from "@/lib/data/servers";
import { pruneAudit } from "@/lib/data/audit";
import { pruneOutbox } from "@/lib/data/alert-channels";
import { latestStatusesWithSince, saveSweep, thinSamples } from "@/lib/data/status";
import { findProblems } from "@/lib/domain/problems";
import { formerSourceList } from "@/lib/data/failover";
import type { FormerSource } from "@/lib/domain/failover/problems";
import { alertEngine, type EvaluatedServer, type EvaluationSummary } from "./alerts/engine";
import { afterSweep } from "./failover/after-sweep";
import { deliveryWorker } from "./alerts/delivery";
import { HeartbeatWriter } from "./heartbeat-writer";
import { clusterLimits, staleAfterSeconds } from "./status";
import { recordPollerStart, recordSweepMetrics } from "./metrics";
import { inLeaderTerm } from "./leader";
import { PollEngine, type PollJob, type Swept } from "./poll-engine";
import { pollThreadCount, PollThreads } from "./poll-threads/pool";

/** Timing of the last completed sweep. */
export interface SweepInfo {
  startedAt: number;
  durationMs: number;
  servers: number;
}

/** One sweep's servers with their problems (former sources of failovers included). */
function sweepProblems(targets: PollTarget[], byId: Map<string, ServerStatus>, now: number, former: FormerSource[]) {
  const servers = targets.map((t) => ({ ...t.record, status: byId.get(t.record.id) ?? null }));
  return { servers, problems: findProblems(servers, now, staleAfterSeconds(), former, clusterLimits()) };
}

/** One sweep's servers with their problems, as alert evaluation takes them. */
function sweepForAlerts({ servers, problems }: ReturnType<typeof sweepProblems>): EvaluatedServer[] {
  return servers.map((s) => ({
    serverId: s.id, name: s.name, host: s.host, port: s.port, cluster: s.cluster, reachable: s.status?.state !== "unreachable",
    problems: (problems.get(s.id) ?? []).map((p) => ({ code: p.code, severity: p.severity, channel: p.channel, message: p.message })),
  }));
}

/** The poll job of a registered server. */
function toJob(t: PollTarget, heartbeatWriteError: string | undefined): PollJob {
  const r = t.record;
  return { id: r.id, target: t.target, known: versionOf(r), thresholds: thresholdsFor(r.lagWarnSeconds, r.lagCritSeconds), heartbeatWriteError: heartbeatWriteError ?? null };
}

const THIN_TIERS = [
  { olderThan: 3600, bucket: 60 },
  { olderThan: 86_400, bucket: 600 },
];

/** What follows a sweep needs of one server's result: since when it is in its state, and its status (from a poll
 *  thread: the snapshot it just wrote, parsed when first needed). The stored row itself is dropped once written. */
interface Result {
  id: string;
  since: number;
  status?: ServerStatus;
  snapshot?: string;
}

const resultOf = ({ stored, status }: Swept): Result => ({ id: stored.serverId, since: stored.stateSince ?? stored.checkedAt, status, snapshot: status ? undefined : stored.snapshot });

/** A result's status (a poll thread's snapshot is our own JSON of a moment ago: parsed, not validated again). */
function statusOf(r: Result): ServerStatus {
  r.status ??= JSON.parse(r.snapshot!) as ServerStatus;
  return r.status;
}

/**
 * Polls every server on an interval; a sweep never overlaps the previous one. The servers are polled on the main
 * thread, or by poll threads for a large fleet (REPLSCOPE_POLL_THREADS); results are written on the main thread.
 */
export class Monitor {
  private engine: PollEngine | PollThreads | null = null;
  /** The alert evaluation of the last sweep (runs after it, off its path; null when alerts are off). */
  lastEvaluation: Promise<EvaluationSummary | null> = Promise.resolve(null);
  /** The failover duties of the last sweep (fencing, automatic mode), run after it. */
  lastFailoverCheck: Promise<{ fenced: string[] } | null> = Promise.resolve(null);
  /** Whether sweeps evaluate alerts (REPLSCOPE_ALERTS by default; the bench compares both). */
  alertsEnabled: boolean | null = null;
  private timer?: NodeJS.Timeout;
  private running: Promise<SweepInfo> | null = null;
  private lastThin = 0;
  readonly heartbeat = new HeartbeatWriter();
  last: SweepInfo | null = null;

  /** Starts sweeping every `intervalMs` (and writing heartbeats every second). */
  start(intervalMs = env().REPLSCOPE_POLL_INTERVAL_MS) {
    if (this.timer) return;
    recordPollerStart();
    const tick = () => void this.sweep().catch((e) => console.error("replscope: sweep failed:", (e as Error).message));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.heartbeat.start(() => listPollTargets());
    if (env().REPLSCOPE_ALERTS === "on") {
      alertEngine().onEnqueued = () => deliveryWorker().wake();
      deliveryWorker().start();
    }
  }

  /** Stops the timers and closes every connection (and poll thread). */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.heartbeat.stop();
    deliveryWorker().stop();
    // A later term starts from the database's state, not from what this process last saw.
    this.engine?.forget();
  }

  /** How many poll threads the last sweep used (0: the main thread polled). */
  get threads(): number {
    return this.engine instanceof PollThreads ? this.engine.count : 0;
  }

  /** Runs one sweep, or joins the one already running (so callers never start a second). */
  sweep(): Promise<SweepInfo> {
    this.running ??= this.runSweep().finally(() => (this.running = null));
    return this.running;
  }

  /** The engine for a fleet of `servers`, seeded from the stored statuses when new (or after a poll thread died). */
  private async engineFor(servers: number): Promise<PollEngine | PollThreads> {
    const threads = pollThreadCount(servers, env().REPLSCOPE_POLL_THREADS);
    if (this.threads !== threads || !this.engine) {
      this.engine?.close();
      this.engine = threads ? new PollThreads(threads) : new PollEngine();
    }
    if (!this.engine.seeded) {
      const { statuses, stateSince } = await latestStatusesWithSince();
      this.engine.seed(statuses, stateSince);
    }
    return this.engine;
  }

  private async runSweep(): Promise<SweepInfo> {
    const cfg = env();
    const started = Date.now();
    const targets = await listPollTargets();
    const engine = await this.engineFor(targets.length);
    const options = {
      concurrency: cfg.REPLSCOPE_POLL_CONCURRENCY, connectTimeoutMs: cfg.REPLSCOPE_CONNECT_TIMEOUT_MS, queryTimeoutMs: cfg.REPLSCOPE_QUERY_TIMEOUT_MS,
      heartbeatSchemas: [...new Set(targets.filter((t) => t.heartbeatEnabled).map((t) => t.heartbeatSchema))], unsealable: UNSEALABLE,
    };
    const jobs = targets.map((t) => toJob(t, this.heartbeat.errors.get(t.record.id)));
    const results: Result[] = [];
    const pending: Swept[] = [];
    const save = async (batch: Swept[]) => {
      if (batch.length) await saveSweep(batch.map((x) => x.stored), batch.flatMap((x) => x.samples));
    };
    // Batches are written one after another, so the sweep ends only once every earlier batch landed too.
    let written: Promise<void> = Promise.resolve();
    const flush = () => (written = written.catch(() => {}).then(() => save(pending.splice(0))));
    const flusher = setInterval(() => void flush().catch(() => {}), 250);
    const emit = (x: Swept) => {
      results.push(resultOf(x));
      pending.push(x);
    };
    await engine.sweep(jobs, options, emit).finally(() => clearInterval(flusher));
    await flush();
    const now = Date.now() / 1000;
    this.last = { startedAt: started, durationMs: Date.now() - started, servers: targets.length };
    const last = this.last;
    const stateSince = new Map(targets.map((t) => [t.record.id, now]));
    for (const r of results) stateSince.set(r.id, r.since);
    // Problems are found after the sweep, off its path: they feed alert evaluation and failover duties, which follow it.
    const problems = formerSourceList()
      .catch(() => [])
      .then((former) => {
        const byId = new Map(results.map((r) => [r.id, statusOf(r)]));
        recordSweepMetrics(targets.map((t) => ({ record: t.record, status: byId.get(t.record.id)! })), last);
        return sweepProblems(targets, byId, now, former);
      });
    if (this.alertsEnabled ?? env().REPLSCOPE_ALERTS === "on") this.lastEvaluation = problems.then((x) => this.evaluateAlerts(x, now), (e) => this.evaluationFailed(e));
    this.lastFailoverCheck = this.lastFailoverCheck.then(() => problems).then((x) => afterSweep({ ...x, stateSince, now })).catch(() => null);
    await this.maybeThin(now);
    return this.last;
  }

  /** Alert evaluation, queued behind the previous one; a failure is logged, never thrown into the sweep. */
  private evaluateAlerts(swept: ReturnType<typeof sweepProblems>, now: number): Promise<EvaluationSummary | null> {
    return alertEngine()
      .evaluate(sweepForAlerts(swept), now)
      .catch((e) => this.evaluationFailed(e));
  }

  private evaluationFailed(e: unknown): null {
    console.error("replscope: alert evaluation failed:", (e as Error).message);
    return null;
  }

  private async maybeThin(now: number) {
    if (now - this.lastThin < 600) return;
    this.lastThin = now;
    await thinSamples(now, env().REPLSCOPE_LAG_RETENTION_DAYS * 86_400, THIN_TIERS);
    await pruneAudit(env().REPLSCOPE_AUDIT_RETENTION_DAYS);
    await pruneOutbox(now * 1000, 7 * 86_400_000);
  }
}

const g = globalThis as unknown as { replscopeMonitor?: Monitor };

/** The process-wide monitor (shared by instrumentation, routes and actions). */
export function monitor(): Monitor {
  g.replscopeMonitor ??= new Monitor();
  return g.replscopeMonitor;
}

/** Asks for a sweep now (after a change): the leader runs it inside its term; another instance leaves it to the
 *  leader's next poll (a sweep also evaluates alerts and automatic failover: leader-only work). */
export function sweepSoon(): void {
  inLeaderTerm(() => void monitor().sweep().catch(() => {}));
}
