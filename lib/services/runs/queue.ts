// The leader's share of the run engine: every lease tick it claims the runs other instances stored and executes them.
import "server-only";
import { BOOTSTRAP } from "../bootstrap/kind";
import { FAILOVER } from "../failover/kind";
import { SWITCHOVER } from "../switchover/kind";
import { claimQueuedRuns } from "./engine";
import type { Prepared, RunKind } from "./kind";

const KINDS = { bootstrap: BOOTSTRAP, switchover: SWITCHOVER, failover: FAILOVER } as unknown as Record<string, RunKind<never, Prepared>>;

/** Claims and starts every run waiting for the leader (call inside the leader's term); returns their ids. */
export function claimWaitingRuns(me: string): Promise<string[]> {
  return claimQueuedRuns(KINDS, me);
}
