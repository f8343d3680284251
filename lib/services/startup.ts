// Server start, in order: our database is ready (lib/data/startup), then the first-run setup, then the lease loop:
// the instance that leads runs the poller and everything hanging off it (lib/services/leader.ts).
import "server-only";
import { env } from "@/lib/config/env";
import { type BackgroundWork, startLeadership } from "./leader";

/** The leader's background work: the poller (with heartbeats, alerts, retention), unless REPLSCOPE_POLLER=off, and
 *  on every tick the runs other instances stored. */
async function backgroundWork(): Promise<BackgroundWork> {
  const { leaderRunsTick } = await import("./runs/queue");
  const { instanceIdentity } = await import("@/lib/config/instance");
  const tick = () => leaderRunsTick(instanceIdentity().id);
  if (env().REPLSCOPE_POLLER === "off") return { start() {}, stop() {}, tick };
  const { monitor } = await import("./monitor");
  return { start: () => monitor().start(), stop: () => monitor().stop(), tick };
}

/** Runs once when the Node.js server starts (called from instrumentation.ts). */
export async function startServer(): Promise<void> {
  await (await import("@/lib/data/startup")).prepareDatabase();
  import("./setup")
    .then(({ prepareSetup }) => prepareSetup())
    .catch((e) => console.error("replscope: could not prepare the first-run setup:", (e as Error).message));
  const lead = startLeadership(await backgroundWork());
  // scripts/server.mjs calls this before it exits, so another instance takes over without waiting for the lease to expire.
  (globalThis as Record<symbol, unknown>)[Symbol.for("replscope.beforeExit")] = () => lead.stop();
}
