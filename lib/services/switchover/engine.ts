// Runs a switchover in the background, step by step, durably; stops before the point of no return on request,
// undoes what it did when it stops or fails before that point, and reports where every server stands.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import { findServer, updateServerRow } from "@/lib/data/servers";
import * as store from "@/lib/data/switchover";
import { readOnlyStatements, startReplicaStatement } from "@/lib/domain/dialect";
import { describeNow } from "@/lib/domain/operations/outcome";
import { pastNoReturn, POINT_OF_NO_RETURN, SWITCHOVER_STEPS } from "@/lib/domain/switchover/plan";
import { monitor } from "../monitor";
import { type Caller, type Live, loadLive, snapshotNode } from "../operations/node";
import { stepContext, type SwitchoverContext } from "./context";
import { SWITCHOVER_STEP_FNS } from "./steps";

const g = globalThis as unknown as { replscopeSwitchovers?: Map<string, { stop: boolean; done: Promise<void> }> };
const live = (g.replscopeSwitchovers ??= new Map());

async function standings(servers: { source: Live; candidate: Live; siblings: Live[] }): Promise<store.Standing[]> {
  const one = async (l: Live, role: store.Standing["role"]) => ({ name: l.record.name, role, standing: await snapshotNode(l).then(describeNow, (e: Error) => `could not be read: ${e.message}`) });
  return Promise.all([one(servers.source, "old source"), one(servers.candidate, "new source"), ...servers.siblings.map((s) => one(s, "sibling"))]);
}

/** Before the point of no return: restart the replicas it stopped and give the source its writes back. */
async function undo(ctx: SwitchoverContext): Promise<string[]> {
  const notes: string[] = [];
  for (const f of [ctx.candidate, ...ctx.siblings].filter((f) => ((ctx.state.stopped as string[] | undefined) ?? []).includes(f.record.id))) {
    await ctx.exec(f, startReplicaStatement(f.version)).then(() => notes.push(`replication restarted on ${f.record.name}`), (e: Error) => notes.push(`could not restart ${f.record.name}: ${e.message}`));
  }
  if (ctx.state.sourceSetReadOnly && !ctx.state.sourceWasReadOnly) {
    for (const sql of readOnlyStatements(ctx.source.version, false)) await ctx.exec(ctx.source, sql).catch((e: Error) => notes.push(`could not make ${ctx.source.record.name} writable: ${e.message}`));
    notes.push(`${ctx.source.record.name} is writable again`);
  }
  return notes;
}

async function moveHeartbeat(servers: { source: Live; candidate: Live }) {
  const { heartbeatEnabled, heartbeatSchema } = servers.source.record;
  if (!heartbeatEnabled) return;
  await updateServerRow(servers.source.record.id, { heartbeatEnabled: false });
  await updateServerRow(servers.candidate.record.id, { heartbeatEnabled: true, heartbeatSchema });
}

async function execute(run: store.SwitchoverRecord, caller: Caller, handle: { stop: boolean }) {
  const steps = run.steps;
  const save = () => store.saveSwitchover(run.id, { steps, state: run.state });
  let servers: { source: Live; candidate: Live; siblings: Live[] } | null = null;
  monitor().heartbeat.paused.add(run.sourceId);
  try {
    servers = { source: await loadLive(run.sourceId), candidate: await loadLive(run.candidateId), siblings: await Promise.all(run.options.siblingIds.map(loadLive)) };
    const password = await store.switchoverSecret(run.id);
    for (const step of steps) {
      if (handle.stop && (!pastNoReturn(step.id) || step.id === POINT_OF_NO_RETURN)) throw Object.assign(new Error("Stopped by the user before the point of no return."), { stoppedBy: true });
      Object.assign(step, { status: "running", startedAt: new Date().toISOString() });
      await save();
      const ctx = stepContext(run, step, servers, password, caller, () => handle.stop && !pastNoReturn(step.id), save);
      try {
        await SWITCHOVER_STEP_FNS[step.id](ctx);
        Object.assign(step, { status: "done", finishedAt: new Date().toISOString() });
      } catch (e) {
        Object.assign(step, { status: "failed", finishedAt: new Date().toISOString(), error: (e as Error).message });
        throw Object.assign(e as Error, { ctx });
      }
    }
    await moveHeartbeat(servers);
    await store.saveSwitchover(run.id, { status: "done", steps, state: run.state, report: await standings(servers), error: null });
    await recordMutation({ ...caller, action: "switchover.done", what: `${servers.candidate.record.name} replaced ${servers.source.record.name} as source`, serverId: run.candidateId, serverName: servers.candidate.record.name });
  } catch (e) {
    const err = e as Error & { ctx?: SwitchoverContext; stoppedBy?: boolean };
    const failedStep = steps.find((s) => s.status === "failed");
    const canUndo = !failedStep || !pastNoReturn(failedStep.id) || (failedStep.id === POINT_OF_NO_RETURN && !run.state.promoted);
    const lastTouched = [...steps].reverse().find((s) => s.status !== "pending") ?? steps[0];
    const ctx = err.ctx ?? (servers ? stepContext(run, lastTouched, servers, "", caller, () => false, save) : null);
    const notes = canUndo && ctx ? await undo(ctx) : [];
    if (notes.length) for (const s of steps) if (s.status === "done") s.status = "undone";
    const stopped = err.stoppedBy || (handle.stop && canUndo);
    const error = `${err.message}${notes.length ? ` Undone: ${notes.join("; ")}.` : canUndo ? "" : " This is past the point of no return: nothing was undone; see where each server stands below."}`;
    await store.saveSwitchover(run.id, { status: stopped ? "stopped" : "failed", steps, state: run.state, report: servers ? await standings(servers) : null, error });
    await recordMutation({ ...caller, action: "switchover.failed", what: `switchover of ${servers?.source.record.name ?? run.sourceId}`, serverId: run.sourceId, serverName: servers?.source.record.name ?? null, error });
  } finally {
    await store.forgetSwitchoverSecret(run.id).catch(() => {});
    monitor().heartbeat.paused.delete(run.sourceId);
    void monitor().sweep().catch(() => {});
  }
}

/** What starting a switchover needs. */
export interface SwitchoverRequest {
  sourceId: string;
  candidateId: string;
  siblingIds: string[];
  replUser: string;
  replPassword: string;
  catchUpSeconds?: number;
  /** Log in to the candidate with the replication account before anything changes (default true). */
  verifyCredentials?: boolean;
}

/** Creates the run and starts it in the background (one running switchover per source). */
export async function launchSwitchover(req: SwitchoverRequest, caller: Caller): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  const [s, c] = await Promise.all([findServer(req.sourceId), findServer(req.candidateId)]);
  if (!s || !c) return { ok: false, error: "The source or the candidate is not registered." };
  const created = await store.createSwitchover(req.sourceId, req.candidateId, caller.actor, { replUser: req.replUser, siblingIds: req.siblingIds, catchUpSeconds: req.catchUpSeconds ?? 60, verifyCredentials: req.verifyCredentials ?? true }, req.replPassword);
  if ("activeId" in created) return { ok: false, error: `A switchover of ${s.name} is already running.` };
  const handle = { stop: false, done: Promise.resolve() };
  handle.done = execute(created.run, caller, handle).finally(() => live.delete(created.run.id));
  live.set(created.run.id, handle);
  await recordMutation({ ...caller, action: "switchover.start", what: `switchover of ${s.name} to ${c.name} (siblings: ${req.siblingIds.length})`, serverId: s.id, serverName: s.name });
  return { ok: true, id: created.run.id };
}

/** Asks a running switchover to stop; refused once it reached the point of no return. */
export async function requestStop(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const run = await store.findSwitchover(id);
  const handle = live.get(id);
  if (!run || !handle) return { ok: false, error: "This switchover is not running." };
  if (run.steps.some((s) => s.status !== "pending" && pastNoReturn(s.id))) return { ok: false, error: "Past the point of no return: the switchover must finish." };
  handle.stop = true;
  return { ok: true };
}

/** Waits until a run finishes (tests and scripts). */
export async function switchoverSettled(id: string): Promise<void> {
  while (live.has(id)) await live.get(id)!.done;
}

/** The labels of the steps (for pages). */
export const STEP_LABELS = SWITCHOVER_STEPS;
