// The leader's share of the run engine: every lease tick it claims the runs other instances stored and executes them,
// and stops the ones another instance was asked to stop.
import "server-only";
import { BOOTSTRAP } from "../bootstrap/kind";
import { FAILOVER } from "../failover/kind";
import { SWITCHOVER } from "../switchover/kind";
import { abortRun as abortBootstrapRun } from "../bootstrap/engine";
import { applyAskedAborts, applyAskedStops, claimQueuedRuns } from "./engine";
import type { Prepared, RunKind } from "./kind";

const KINDS = { bootstrap: BOOTSTRAP, switchover: SWITCHOVER, failover: FAILOVER } as unknown as Record<string, RunKind<never, Prepared>>;

/** The leader's tick (inside its term): claims and starts every run waiting for it, and applies asked stops and aborts. */
export async function leaderRunsTick(me: string): Promise<void> {
  await claimQueuedRuns(KINDS, me);
  await applyAskedStops(me);
  // Only the wizard's runs abort (switchovers and failovers stop): its abort is audited where it executes, here.
  await applyAskedAborts(me, (runId, kind, caller) => (kind === "bootstrap" ? abortBootstrapRun(runId, caller) : Promise.resolve()));
}
