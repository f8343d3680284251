// The switchover as a kind of run for the shared engine: its steps (promote is the point of no return) with their
// undo, the heartbeat paused while it runs and moved when it is done, and where every server stands at the end.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import { switchoverStore } from "@/lib/data/runs";
import { updateServerRow } from "@/lib/data/servers";
import * as store from "@/lib/data/switchover";
import { describeNow } from "@/lib/domain/operations/outcome";
import { SWITCHOVER_PLAN, type SwitchoverStepId } from "@/lib/domain/switchover/plan";
import { type Live, loadLive } from "../live-server";
import { monitor, sweepSoon } from "../monitor";
import { snapshotNode } from "../operations/node";
import { planSteps, type RunKind } from "../runs/kind";
import { stepContext, type SwitchoverContext, type SwitchoverPrepared } from "./context";
import { SWITCHOVER_STEP_FNS } from "./steps";
import { undoSourceReadOnly, undoStopReplicas } from "./undo";

const UNDO: Partial<Record<SwitchoverStepId, (ctx: SwitchoverContext) => Promise<void>>> = { source_read_only: undoSourceReadOnly, stop_replicas: undoStopReplicas };

async function standings(servers: { source: Live; candidate: Live; siblings: Live[] }): Promise<store.Standing[]> {
  const one = async (l: Live, role: store.Standing["role"]) => ({ name: l.record.name, role, standing: await snapshotNode(l).then(describeNow, (e: Error) => `could not be read: ${e.message}`) });
  return Promise.all([one(servers.source, "old source"), one(servers.candidate, "new source"), ...servers.siblings.map((s) => one(s, "sibling"))]);
}

async function moveHeartbeat(servers: { source: Live; candidate: Live }) {
  const { heartbeatEnabled, heartbeatSchema } = servers.source.record;
  if (!heartbeatEnabled) return;
  await updateServerRow(servers.source.record.id, { heartbeatEnabled: false });
  await updateServerRow(servers.candidate.record.id, { heartbeatEnabled: true, heartbeatSchema });
}

/** A planned switchover: runs every step at once, undoes what it did if it stops or fails before promoting. */
export const SWITCHOVER: RunKind<SwitchoverContext, SwitchoverPrepared> = {
  kind: "switchover",
  noun: "switchover",
  store: switchoverStore,
  policy: "undo",
  queryTimeoutMs: 60_000,
  undoneMarksSteps: true,
  steps: planSteps(SWITCHOVER_PLAN, SWITCHOVER_STEP_FNS, UNDO),
  crossed: (state) => state.promoted === true,
  async prepare(r) {
    const run = (await store.findSwitchover(r.id))!;
    const [source, candidate, siblings] = await Promise.all([loadLive(run.sourceId), loadLive(run.candidateId), Promise.all(run.options.siblingIds.map((id) => loadLive(id)))]);
    const password = await store.switchoverSecret(run.id);
    return { run, source, candidate, siblings, password, secrets: [password, ...[source, candidate, ...siblings].map((l) => l.target.password)] };
  },
  context: stepContext,
  hooks: {
    begin: async (r) => void monitor().heartbeat.paused.add((await store.findSwitchover(r.id))!.sourceId),
    beforeDone: (p) => moveHeartbeat(p),
    final: async (p) => ({ report: p ? await standings(p) : null }),
    async end(r, p, caller) {
      const run = (await store.findSwitchover(r.id))!;
      const [source, candidate] = [p?.source.record.name ?? null, p?.candidate.record.name ?? null];
      if (run.status === "done") await recordMutation({ ...caller, action: "switchover.done", what: `${candidate} replaced ${source} as source`, serverId: run.candidateId, serverName: candidate });
      else await recordMutation({ ...caller, action: "switchover.failed", what: `switchover of ${source ?? run.sourceId}`, serverId: run.sourceId, serverName: source, error: run.error, secrets: p?.secrets });
      await store.forgetSwitchoverSecret(run.id).catch(() => {});
      monitor().heartbeat.paused.delete(run.sourceId);
      sweepSoon();
    },
  },
};
