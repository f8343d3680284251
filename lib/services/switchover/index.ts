// Entry points for pages, actions and routes: candidates with readiness, start (validated), stop, read.
import "server-only";
import { z } from "zod";
import { recordMutation } from "@/lib/data/audit";
import { noControlChars } from "@/lib/domain/control-chars";
import { type FieldErrors, fieldErrorsOf } from "@/lib/domain/server-input";
import { findSwitchover, type SwitchoverRecord } from "@/lib/data/switchover";
import type { Readiness } from "@/lib/domain/switchover/readiness";
import type { Caller } from "../live-server";
import { underRunsLock } from "@/lib/data/runs";
import { leaderWait } from "../runs/engine";
import type { LeaderWait } from "@/lib/domain/runs/leader-wait";
import { heldBy } from "../runs/locks";
import type { Outcome } from "../servers";
import { rankCandidates, readSourceGroup } from "./candidates";
import { launchSwitchover, requestStop } from "./engine";

/** What the switchover form sends. */
export const switchoverInput = z.object({
  candidateId: z.string().min(1, "Choose the new source"),
  replUser: noControlChars(z.string(), "The replication user").trim().min(1, "The replication user is required").max(80),
  replPassword: noControlChars(z.string(), "The replication password").min(1, "The replication user's password is required (the old source needs it)").max(256),
  confirm: z.string(),
  catchUpSeconds: z.coerce.number().int().min(5).max(3600).default(60),
  /** Checkbox "skip the credential check" (the account may not accept replscope's address). */
  skipCredentialCheck: z.union([z.literal("on"), z.boolean()]).optional(),
});

/** The candidates page: the source's name, its replicas ranked, the replication user they use, peers that did not answer. */
export interface CandidateList {
  sourceName: string;
  candidates: (Readiness & { replUser: string })[];
  unreadable: { name: string; error: string }[];
}

/** Reads the source's topology now and ranks its replicas. */
export async function listCandidates(sourceId: string): Promise<Outcome<CandidateList>> {
  try {
    const g = await readSourceGroup(sourceId);
    const users = new Map(g.replicas.map((r) => [r.node.id, r.node.channels[0]?.sourceUser ?? ""]));
    return { ok: true, value: { sourceName: g.source.node.name, candidates: rankCandidates(g).map((r) => ({ ...r, replUser: users.get(r.candidateId) ?? "" })), unreadable: g.unreadable } };
  } catch (e) {
    return { ok: false, status: 409, error: (e as Error).message };
  }
}

/** Validates the request against the live topology (candidate ready, name confirmed) and starts the run. */
export async function startSwitchover(sourceId: string, raw: unknown, caller: Caller): Promise<Outcome<{ id: string }>> {
  const p = switchoverInput.safeParse(raw);
  const refuse = async (status: 400 | 409, error: string, fieldErrors?: FieldErrors): Promise<Outcome<{ id: string }>> => {
    await recordMutation({ ...caller, action: "switchover.start", what: `switchover of server ${sourceId} refused`, serverId: sourceId, error });
    return { ok: false, status, error, fieldErrors };
  };
  if (!p.success) return refuse(400, p.error.issues[0].message, fieldErrorsOf(p.error));
  let g;
  try {
    g = await readSourceGroup(sourceId);
  } catch (e) {
    return refuse(409, (e as Error).message);
  }
  if (p.data.confirm !== g.source.node.name) return refuse(400, `Type the source's name (${g.source.node.name}) to confirm.`);
  const ranked = rankCandidates(g).find((r) => r.candidateId === p.data.candidateId);
  if (!ranked) return refuse(409, "That server is not a replica of this source.");
  if (!ranked.ready) return refuse(409, `${ranked.candidateName} is not ready: ${ranked.checks.filter((c) => !c.ok && c.blocking).map((c) => `${c.label} (${c.detail})`).join(", ")}.`);
  const siblingIds = g.replicas.map((r) => r.node.id).filter((id) => id !== p.data.candidateId);
  const r = await underRunsLock(async () => {
    const busy = await heldBy([sourceId, p.data.candidateId, ...siblingIds]);
    if (busy) return { ok: false as const, error: busy };
    return launchSwitchover({ sourceId, candidateId: p.data.candidateId, siblingIds, replUser: p.data.replUser, replPassword: p.data.replPassword, catchUpSeconds: p.data.catchUpSeconds, verifyCredentials: !p.data.skipCredentialCheck }, caller);
  });
  return r.ok ? { ok: true, value: { id: r.id } } : refuse(409, r.error);
}

/** What GET /api/switchovers/:id returns (and the switchover page starts from): the run, no secrets. */
export type SwitchoverResponse = SwitchoverRecord & { waitingForLeader: LeaderWait | null };

/** One run (404 when unknown), and whether it waits for the leader to claim it. */
export async function getSwitchover(id: string): Promise<Outcome<SwitchoverResponse>> {
  const r = await findSwitchover(id);
  return r ? { ok: true, value: { ...r, waitingForLeader: await leaderWait(id) } } : { ok: false, status: 404, error: "No such switchover." };
}

/** Asks a run to stop before the point of no return (the request is audited either way). */
export async function stopSwitchover(id: string, caller: Caller): Promise<Outcome<{ id: string }>> {
  const r = await requestStop(id);
  await recordMutation({ ...caller, action: "switchover.stop", what: `stop requested for switchover ${id}`, error: r.ok ? null : r.error });
  return r.ok ? { ok: true, value: { id } } : { ok: false, status: 409, error: r.error };
}
