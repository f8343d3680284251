// Server start, in order: our database is ready (lib/data/startup), then the first-run setup, then the poller.
import "server-only";
import { env } from "@/lib/config/env";

/** Runs once when the Node.js server starts (called from instrumentation.ts). */
export async function startServer(): Promise<void> {
  await import("@/lib/data/startup");
  import("./setup")
    .then(({ prepareSetup }) => prepareSetup())
    .catch((e) => console.error("replscope: could not prepare the first-run setup:", (e as Error).message));
  if (env().REPLSCOPE_POLLER !== "off") (await import("./monitor")).monitor().start();
}
