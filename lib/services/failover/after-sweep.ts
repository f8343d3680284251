// After each sweep: fence returned former sources, and run automatic failovers where a cluster opted in.
import "server-only";
import { clusterSetting } from "@/lib/data/cluster-settings";
import { lastAutoFailoverAt } from "@/lib/data/failover";
import { autoDecision } from "@/lib/domain/failover/settings";
import type { Problem } from "@/lib/domain/problems";
import type { ServerStatus } from "@/lib/domain/server-status";
import type { Caller } from "../live-server";
import { fenceReturned } from "./fencing";
import { startFailover } from "./index";

const AUTO: Caller = { actor: "auto", address: null };
/** A refused automatic attempt is retried at most this often per source (the refusal is audited each time). */
const RETRY_MS = 60_000;
const g = globalThis as unknown as { replscopeAutoAttempts?: Map<string, number> };
const attempts = (g.replscopeAutoAttempts ??= new Map<string, number>());

/** One sweep's servers as the failover checks take them. */
export interface SweepView {
  servers: { id: string; name: string; cluster: string | null; status: ServerStatus | null }[];
  problems: Map<string, Problem[]>;
  /** Since when each server is in its health state (epoch seconds). */
  stateSince: Map<string, number>;
  now: number;
}

/** Promotes the top-ranked candidate of a dead source once the cluster's delay passed and no cooldown blocks it. */
async function maybeAutoFailover(v: SweepView): Promise<void> {
  for (const s of v.servers) {
    if (!v.problems.get(s.id)?.some((p) => p.code === "DeadSource")) continue;
    const cluster = s.cluster ?? s.name;
    const setting = await clusterSetting(cluster);
    const decision = autoDecision(setting, { now: v.now, deadSince: v.stateSince.get(s.id) ?? v.now, lastAutoAt: await lastAutoFailoverAt(cluster), gtid: true, readyCandidate: true });
    if (!decision.go || Date.now() - (attempts.get(s.id) ?? 0) < RETRY_MS) continue;
    attempts.set(s.id, Date.now());
    const r = await startFailover(s.id, { candidateId: "auto", confirm: s.name }, AUTO, { auto: true });
    if (!r.ok) console.error(`replscope: automatic failover of ${s.name} refused: ${r.error}`);
  }
}

/** Runs the post-sweep failover duties; failures are logged, never thrown into the poller. */
export async function afterSweep(v: SweepView): Promise<{ fenced: string[] }> {
  const fenced = await fenceReturned(v.servers, v.problems).catch((e: Error) => (console.error("replscope: fencing failed:", e.message), []));
  await maybeAutoFailover(v).catch((e: Error) => console.error("replscope: automatic failover check failed:", e.message));
  return { fenced };
}
