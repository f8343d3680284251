// The switchover's actions on the shared run engine: launch in the background, stop before the point of no return.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import { findServer } from "@/lib/data/servers";
import * as store from "@/lib/data/switchover";
import { SWITCHOVER_STEPS } from "@/lib/domain/switchover/plan";
import type { Caller } from "../live-server";
import * as engine from "../runs/engine";
import { SWITCHOVER } from "./kind";

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
  const started = await engine.startRun(SWITCHOVER, created.run.id, true, caller);
  if (!started.ok) return { ok: false, error: started.error };
  await recordMutation({ ...caller, action: "switchover.start", what: `switchover of ${s.name} to ${c.name} (siblings: ${req.siblingIds.length})`, serverId: s.id, serverName: s.name });
  return { ok: true, id: created.run.id };
}

/** Asks a running switchover to stop; refused once it reached the point of no return. */
export async function requestStop(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const why = await engine.requestStop(SWITCHOVER, id);
  if (why === "not running") return { ok: false, error: "This switchover is not running." };
  if (why) return { ok: false, error: "Past the point of no return: the switchover must finish." };
  return { ok: true };
}

/** Waits until a run finishes (tests and scripts). */
export const switchoverSettled = engine.settled;

/** The labels of the steps (for pages). */
export const STEP_LABELS = SWITCHOVER_STEPS;
