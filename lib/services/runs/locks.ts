// One-active-run locks: a server in an active run of any kind refuses other runs, and operations while a run executes.
import "server-only";
import { runHolding } from "@/lib/data/runs";

const NOUN = { bootstrap: "bootstrap run", switchover: "switchover", failover: "failover" } as const;
const HELD = {
  bootstrap: (id: string) => `These servers take part in an unfinished bootstrap run (${id}); finish or abort it first.`,
  switchover: (id: string) => `A switchover involving these servers is already running (${id}).`,
  failover: (id: string) => `A failover involving these servers is already running (${id}).`,
};

/** Why a new run on these servers is refused (another active run of any kind holds one), or null. */
export async function heldBy(serverIds: string[], except?: string): Promise<string | null> {
  const run = await runHolding(serverIds, { except });
  return run ? HELD[run.kind](run.id) : null;
}

/** The run (kind and id) executing on this server right now, for refusing an operation; or null. */
export async function executingOn(serverId: string): Promise<{ noun: string; id: string } | null> {
  const run = await runHolding([serverId], { executing: true });
  return run ? { noun: NOUN[run.kind], id: run.id } : null;
}
