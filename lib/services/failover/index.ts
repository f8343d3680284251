// Entry points for pages, actions and routes: the dead source's candidates, start (validated), read a run.
import "server-only";
import type { LeaderWait } from "@/lib/domain/runs/leader-wait";
import { z } from "zod";
import { recordMutation } from "@/lib/data/audit";
import { createFailover, type FailoverRecord, findFailover, listFailovers, saveFailover } from "@/lib/data/failover";
import type { FailoverCandidate } from "@/lib/domain/failover/candidates";
import { failoverAllowed } from "@/lib/domain/failover/detect";
import { hookBody } from "@/lib/domain/failover/hooks";
import type { Caller } from "../live-server";
import * as engine from "../runs/engine";
import { underRunsLock } from "@/lib/data/runs";
import { heldBy } from "../runs/locks";
import type { Outcome } from "../servers";
import { readDeadGroup } from "./group";
import { hookLines, notifyFailover, preHooksTried } from "./hooks";
import { FAILOVER } from "./kind";

/** What POST /api/servers/:id/failover takes. */
export const failoverInput = z.object({ candidateId: z.string().min(1, "Choose the new source").max(64), confirm: z.string().max(200) });

/** What GET /api/servers/:id/failover returns. */
export interface FailoverView {
  sourceName: string;
  detection: { code: string; confirmedBy: string[]; unreachableFor: number };
  candidates: Omit<FailoverCandidate, "advancement" | "delayed">[];
  unreadable: { name: string; error: string }[];
}

const brief = ({ advancement: _a, delayed: _d, ...c }: FailoverCandidate) => c;

/** The dead source's candidates, ranked; 409 when the source is not dead (with the reason). */
export async function failoverView(sourceId: string): Promise<Outcome<FailoverView>> {
  let g;
  try {
    g = await readDeadGroup(sourceId);
  } catch (e) {
    return { ok: false, status: (e as Error).message === "No such server." ? 404 : 409, error: (e as Error).message };
  }
  const v = g.verdict;
  if (!failoverAllowed(v)) {
    const why = v?.code === "UnreachableSource" ? `replscope cannot reach ${g.source.name}, but ${v.stillReceiving.join(", ")} still receive from it: this is a problem between replscope and the source, not a failover case.`
      : v?.code === "SuspectSource" ? `${g.source.name} has been unreachable for ${v.unreachablePolls} poll(s): wait for the next poll to confirm it is dead.`
        : `${g.source.name} is not dead: use the switchover to replace a live source.`;
    return { ok: false, status: 409, error: why };
  }
  return {
    ok: true,
    value: {
      sourceName: g.source.name, detection: { code: v.code, confirmedBy: "confirmedBy" in v ? v.confirmedBy : [], unreachableFor: v.unreachablePolls },
      candidates: g.candidates.map(brief), unreadable: g.unreadable.map(({ name, error }) => ({ name, error })),
    },
  };
}

/** An earlier failover of this source that replscope's restart interrupted after it began promoting (never run twice). */
async function interruptedPromotion(sourceId: string): Promise<FailoverRecord | null> {
  const runs = await listFailovers(sourceId, 5);
  return runs.find((r) => r.status === "interrupted" && r.steps.some((s) => s.id === "promote" && s.status !== "pending")) ?? null;
}

/** Validates against the live group (dead, candidate ready, name confirmed), notifies the pre hooks, starts the run. */
export async function startFailover(sourceId: string, raw: unknown, caller: Caller, opts: { auto?: boolean } = {}): Promise<Outcome<{ id: string }>> {
  const refuse = async (status: 400 | 404 | 409, error: string): Promise<Outcome<{ id: string }>> => {
    await recordMutation({ ...caller, action: "failover.start", what: `failover of server ${sourceId} refused`, serverId: sourceId, error });
    return { ok: false, status, error };
  };
  const p = failoverInput.safeParse(raw);
  if (!p.success) return refuse(400, p.error.issues[0].message);
  let g;
  try {
    g = await readDeadGroup(sourceId);
  } catch (e) {
    return refuse((e as Error).message === "No such server." ? 404 : 409, (e as Error).message);
  }
  if (p.data.confirm !== g.source.name) return refuse(400, `Type the source's name (${g.source.name}) to confirm.`);
  const earlier = await interruptedPromotion(sourceId);
  if (earlier) return refuse(409, `Failover ${earlier.id} was interrupted by a restart after it began promoting ${earlier.options.candidateName}: check that server before anything else; replscope does not promote twice.`);
  if (!failoverAllowed(g.verdict)) return refuse(409, `${g.source.name} is not dead (${g.verdict?.code ?? "it answers"}): no failover. Use the switchover for a live source.`);
  const chosen = p.data.candidateId === "auto" ? g.candidates.find((c) => c.ready) : g.candidates.find((c) => c.candidateId === p.data.candidateId);
  if (!chosen) return refuse(409, p.data.candidateId === "auto" ? "No candidate is ready." : "That server is not a replica of the dead source.");
  if (!chosen.ready) return refuse(409, `${chosen.candidateName} is not ready: ${chosen.checks.filter((c) => !c.ok && c.blocking).map((c) => `${c.label} (${c.detail})`).join(", ")}.`);
  const replicaIds = g.replicas.map((r) => r.live.record.id).filter((id) => id !== chosen.candidateId);
  const created = await underRunsLock(async () => {
    const busy = await heldBy([sourceId, chosen.candidateId, ...replicaIds]);
    return busy ? { busy } : createFailover({ sourceId, candidateId: chosen.candidateId, actor: caller.actor, auto: !!opts.auto, cluster: g.source.cluster, options: { replicaIds, sourceName: g.source.name, candidateName: chosen.candidateName } });
  });
  if ("busy" in created) return refuse(409, created.busy);
  if ("activeId" in created) return refuse(409, `A failover is already running for ${g.source.name}'s cluster (${created.activeId}).`);
  const id = created.run.id;
  await recordMutation({ ...caller, action: "failover.start", what: `failover of dead source ${g.source.name} to ${chosen.candidateName}${opts.auto ? " (automatic)" : ""}`, serverId: sourceId, serverName: g.source.name });
  const pre = await notifyFailover(hookBody({ event: "failover.pre", id, cluster: g.source.cluster, oldSource: g.source.name, newSource: chosen.candidateName, status: "running", auto: !!opts.auto, report: null, at: new Date() }));
  if (pre.length) await saveFailover(id, { state: { preHooks: pre } });
  await preHooksTried(id);
  const started = await engine.startRun(FAILOVER, id, true, caller);
  return started.ok ? { ok: true, value: { id } } : refuse(409, started.error);
}

/** What GET /api/failovers/:id returns. */
export interface FailoverResponse {
  id: string;
  status: "running" | "done" | "failed";
  runStatus: FailoverRecord["status"];
  sourceId: string;
  candidateId: string;
  newSourceId: string | null;
  actor: string;
  auto: boolean;
  error: string | null;
  steps: FailoverRecord["steps"];
  logs: (FailoverRecord["steps"][number]["log"][number] & { step: string })[];
  report: FailoverRecord["report"];
  hooks: string[];
  /** Requested on another instance and not yet claimed by the leader (null otherwise). */
  waitingForLeader: LeaderWait | null;
}

const apiStatus = (s: FailoverRecord["status"]): FailoverResponse["status"] => (s === "running" || s === "planned" || s === "waiting" ? "running" : s === "done" ? "done" : "failed");

/** One run (404 when unknown). */
export async function getFailover(id: string): Promise<Outcome<FailoverResponse>> {
  const r = await findFailover(id);
  if (!r) return { ok: false, status: 404, error: "No such failover." };
  const hooks = [...((r.state.preHooks as string[]) ?? []), ...((r.state.postHooks as string[]) ?? []), ...(await hookLines(r.id))];
  return {
    ok: true,
    value: {
      id: r.id, status: apiStatus(r.status), runStatus: r.status, sourceId: r.sourceId, candidateId: r.candidateId, newSourceId: r.newSourceId, actor: r.actor, auto: r.auto, error: r.error,
      steps: r.steps, logs: r.steps.flatMap((s) => s.log.map((l) => ({ ...l, step: s.id }))), report: r.report, hooks, waitingForLeader: await engine.leaderWait(id),
    },
  };
}

/** Waits until a run finishes (tests and scripts). */
export const failoverSettled = engine.settled;
