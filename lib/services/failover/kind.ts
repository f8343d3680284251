// The failover as a kind of run for the shared engine: its steps (promote is the point of no return), the undo of
// what came before it, the report and the new source stored at the end, hooks notified and the outcome audited.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import * as store from "@/lib/data/failover";
import { failoverStore } from "@/lib/data/runs";
import { updateServerRow } from "@/lib/data/servers";
import { latestStatuses } from "@/lib/data/status";
import { startReplicaStatement, stopReplicaStatement } from "@/lib/domain/dialect";
import { hookBody } from "@/lib/domain/failover/hooks";
import { followerStatement } from "@/lib/domain/operations/follow";
import { FAILOVER_PLAN, type FailoverStepId } from "@/lib/domain/failover/plan";
import { loadLive } from "../live-server";
import { planSteps, type RunKind } from "../runs/kind";
import { type FailoverContext, failoverContext, type FailoverPrepared } from "./context";
import { deadView } from "./group";
import { notifyFailover } from "./hooks";
import { FAILOVER_STEP_FNS } from "./steps";

/** Before the promotion: receivers started again. */
async function undoStopReceivers(ctx: FailoverContext) {
  for (const r of [ctx.candidate, ...ctx.others]) await ctx.exec(r, startReplicaStatement(r.version)).catch(() => {});
}

/** Before the promotion: the candidate points back at the (dead) source by GTID, as it was. */
async function undoCatchUp(ctx: FailoverContext) {
  if (!ctx.state.candidatePointedAt) return;
  const v = ctx.candidate.version;
  await ctx.exec(ctx.candidate, stopReplicaStatement(v)).catch(() => {});
  await ctx.exec(ctx.candidate, followerStatement(v, ctx.dead.host, ctx.dead.port, { kind: "gtid" }));
}

const UNDO: Partial<Record<FailoverStepId, (ctx: FailoverContext) => Promise<void>>> = { stop_receivers: undoStopReceivers, catch_up: undoCatchUp };

/** The heartbeat follows the new source. */
async function moveHeartbeat(p: FailoverPrepared) {
  if (!p.source.record.heartbeatEnabled) return;
  await updateServerRow(p.source.record.id, { heartbeatEnabled: false });
  await updateServerRow(p.candidate.record.id, { heartbeatEnabled: true, heartbeatSchema: p.source.record.heartbeatSchema });
}

/** A failover from a dead source: runs every step at once; before the promotion a failure puts back what it did. */
export const FAILOVER: RunKind<FailoverContext, FailoverPrepared> = {
  kind: "failover",
  noun: "failover",
  store: failoverStore,
  policy: "undo",
  queryTimeoutMs: 180_000,
  undoneMarksSteps: true,
  steps: planSteps(FAILOVER_PLAN, FAILOVER_STEP_FNS, UNDO),
  crossed: (state) => state.promoted === true,
  async prepare(r) {
    const run = (await store.findFailover(r.id))!;
    const [source, candidate, others, statuses] = await Promise.all([loadLive(run.sourceId, "dead source"), loadLive(run.candidateId, "candidate"), Promise.all(run.options.replicaIds.map((id) => loadLive(id))), latestStatuses()]);
    const dead = deadView(source.record, statuses.get(source.record.id) ?? null);
    return { run, source, dead, candidate, others, secrets: [source, candidate, ...others].map((l) => l.target.password) };
  },
  context: failoverContext,
  hooks: {
    beforeDone: (p) => moveHeartbeat(p),
    final: (p, status) => Promise.resolve({ newSourceId: status === "done" && p ? p.candidate.record.id : null }),
    async end(r, p, caller) {
      const run = (await store.findFailover(r.id))!;
      const [source, candidate] = [run.options.sourceName, run.options.candidateName];
      if (run.status === "done") await recordMutation({ ...caller, action: "failover.done", what: `${candidate} replaced the dead source ${source}${run.auto ? " (automatic)" : ""}`, serverId: run.candidateId, serverName: candidate });
      else await recordMutation({ ...caller, action: "failover.failed", what: `failover of ${source} to ${candidate}`, serverId: run.sourceId, serverName: source, error: run.error, secrets: p?.secrets });
      const body = hookBody({ event: "failover.post", id: run.id, cluster: run.cluster, oldSource: source, newSource: candidate, status: run.status, auto: run.auto, report: run.report, at: new Date() });
      const lines = await notifyFailover(body);
      if (lines.length) await store.saveFailover(run.id, { state: { ...run.state, postHooks: lines } });
    },
  },
};
