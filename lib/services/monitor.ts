// The background poller: one sweep of every registered server at a time, results stored and exported as metrics.
import "server-only";
import { env } from "@/lib/config/env";
import { thresholdsFor } from "@/lib/domain/health";
import { failedPoll, reshapePoll } from "@/lib/domain/poll";
import { evaluateServer, type ServerStatus } from "@/lib/domain/server-status";
import { maskStatusErrors } from "@/lib/domain/status-mask";
import { versionOf } from "@/lib/domain/dialect";
import { listPollTargets, type PollTarget, UNSEALABLE } from "@/lib/data/servers";
import { pruneAudit } from "@/lib/data/audit";
import { pruneOutbox } from "@/lib/data/alert-channels";
import { latestStatusesWithSince, saveSweep, thinSamples } from "@/lib/data/status";
import { ConnectionCache } from "@/lib/mysql/connection-cache";
import { mapLimit } from "@/lib/mysql/limit";
import { readStatus } from "@/lib/mysql/status";
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

/** Timing of the last completed sweep. */
export interface SweepInfo {
  startedAt: number;
  durationMs: number;
  servers: number;
}

function toStored(id: string, s: ServerStatus, stateSince: number) {
  return { serverId: id, state: s.state, lagSeconds: s.lagSeconds, lagSource: s.lagSource, snapshot: JSON.stringify(s), checkedAt: s.checkedAt, reachedAt: s.reachedAt, stateSince };
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

function toSamples(id: string, s: ServerStatus) {
  const reached = s.state !== "unreachable";
  return s.channels.map((c) => ({ serverId: id, channel: c.channel, at: s.checkedAt, lagSeconds: reached ? c.lagSeconds : null, source: (reached && c.lagSource) || "unknown" }));
}

const THIN_TIERS = [
  { olderThan: 3600, bucket: 60 },
  { olderThan: 86_400, bucket: 600 },
];

/**
 * Polls every server on an interval; a sweep never overlaps the previous one. Servers that were unreachable
 * last time are polled in a lane of their own, so their timeouts never hold up the healthy servers' slots.
 */
export class Monitor {
  private cache = new ConnectionCache();
  private previous = new Map<string, ServerStatus>();
  private stateSince = new Map<string, number>();
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

  /** Stops the timers and closes every connection. */
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.heartbeat.stop();
    deliveryWorker().stop();
    this.cache.closeAll();
    // A later term starts from the database's state, not from what this process last saw.
    this.previous.clear();
    this.stateSince.clear();
  }

  /** Runs one sweep, or joins the one already running (so callers never start a second). */
  sweep(): Promise<SweepInfo> {
    this.running ??= this.runSweep().finally(() => (this.running = null));
    return this.running;
  }

  private async runSweep(): Promise<SweepInfo> {
    const { REPLSCOPE_POLL_CONCURRENCY, REPLSCOPE_CONNECT_TIMEOUT_MS: connectTimeoutMs, REPLSCOPE_QUERY_TIMEOUT_MS: queryTimeoutMs } = env();
    const started = Date.now();
    if (this.previous.size === 0) await this.loadPrevious();
    const targets = await listPollTargets();
    this.cache.retain(new Set(targets.map((t) => t.record.id)));
    const schemas = [...new Set(targets.filter((t) => t.heartbeatEnabled).map((t) => t.heartbeatSchema))];
    const pending: { id: string; status: ServerStatus }[] = [];
    const save = async (batch: typeof pending) => {
      if (batch.length) await saveSweep(batch.map(({ id, status }) => toStored(id, status, this.stateSince.get(id) ?? status.checkedAt)), batch.flatMap(({ id, status }) => toSamples(id, status)));
    };
    // Batches are written one after another, so the sweep ends only once every earlier batch landed too.
    let written: Promise<void> = Promise.resolve();
    const flush = () => (written = written.catch(() => {}).then(() => save(pending.splice(0))));
    const flusher = setInterval(() => void flush().catch(() => {}), 250);
    const pollAndEvaluate = async (t: PollTarget) => {
      const poll = await this.pollOne(t, schemas, { connectTimeoutMs, queryTimeoutMs });
      const r = t.record;
      const before = this.previous.get(r.id) ?? null;
      // Error texts are masked before the status is kept, stored or shown (a replica's error can quote a CREATE USER).
      const evaluated = evaluateServer(poll, thresholdsFor(r.lagWarnSeconds, r.lagCritSeconds), Date.now() / 1000, before);
      const heartbeatWriteError = this.heartbeat.errors.get(r.id);
      const status = maskStatusErrors(heartbeatWriteError ? { ...evaluated, heartbeatWriteError } : evaluated, [t.target.password]);
      if (!before || before.state !== status.state || !this.stateSince.has(r.id)) this.stateSince.set(r.id, status.checkedAt);
      this.previous.set(r.id, status);
      pending.push({ id: r.id, status });
      return { id: r.id, status };
    };
    const suspect = (t: PollTarget) => this.previous.get(t.record.id)?.state === "unreachable";
    const suspects = targets.filter(suspect);
    const [healthy, unreachable] = await Promise.all([
      mapLimit(targets.filter((t) => !suspect(t)), REPLSCOPE_POLL_CONCURRENCY, pollAndEvaluate),
      mapLimit(suspects, suspects.length, pollAndEvaluate),
    ]).finally(() => clearInterval(flusher));
    const statuses = [...healthy, ...unreachable];
    await flush();
    const now = Date.now() / 1000;
    this.last = { startedAt: started, durationMs: Date.now() - started, servers: targets.length };
    const byId = new Map(statuses.map((x) => [x.id, x.status]));
    recordSweepMetrics(targets.map((t) => ({ record: t.record, status: byId.get(t.record.id)! })), this.last);
    // Problems are found after the sweep, off its path: they feed alert evaluation and failover duties, which follow it.
    const swept = formerSourceList()
      .catch(() => [])
      .then((former) => sweepProblems(targets, byId, now, former));
    if (this.alertsEnabled ?? env().REPLSCOPE_ALERTS === "on") this.lastEvaluation = swept.then((x) => this.evaluateAlerts(x, now), (e) => this.evaluationFailed(e));
    const stateSince = new Map(targets.map((t) => [t.record.id, this.stateSince.get(t.record.id) ?? now]));
    this.lastFailoverCheck = this.lastFailoverCheck.then(() => swept).then((x) => afterSweep({ ...x, stateSince, now })).catch(() => null);
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

  private async pollOne(t: PollTarget, schemas: string[], timeouts: { connectTimeoutMs: number; queryTimeoutMs: number }) {
    const r = t.record;
    const { password } = t.target;
    if (password === null) return { ok: false as const, error: UNSEALABLE };
    const known = versionOf(r);
    try {
      const raw = await this.cache.use(r.id, { ...t.target, password }, timeouts, (c) => readStatus(c, known, schemas));
      return reshapePoll(raw);
    } catch (e) {
      return failedPoll(e, `${r.host}:${r.port}`, timeouts.connectTimeoutMs);
    }
  }

  private async loadPrevious() {
    const { statuses, stateSince } = await latestStatusesWithSince();
    this.previous = statuses;
    for (const [id, since] of stateSince) if (since != null) this.stateSince.set(id, since);
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
