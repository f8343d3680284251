// START / STOP of one replica's threads, per dialect and channel (MariaDB connection names, MySQL FOR CHANNEL).
import { threadStatement, type Threads } from "../dialect";
import type { ChannelStatus } from "../replica-status";
import type { NodeView, PlanResult } from "./types";

/** The channel an operation addresses: the named one, or the only one. */
export function pickChannel(node: NodeView, channel: string | undefined): ChannelStatus | string {
  if (!node.channels.length) return `${node.name} does not replicate from any source.`;
  if (channel === undefined) return node.channels.length === 1 ? node.channels[0] : `${node.name} has ${node.channels.length} channels: choose one.`;
  return node.channels.find((c) => c.channel === channel) ?? `${node.name} has no channel named "${channel}".`;
}

const running = (c: ChannelStatus, t: Threads) =>
  t === "both" ? c.ioThread !== "stopped" && c.sqlThread === "running" : t === "io" ? c.ioThread !== "stopped" : c.sqlThread === "running";
const stopped = (c: ChannelStatus, t: Threads) =>
  t === "both" ? c.ioThread === "stopped" && c.sqlThread === "stopped" : t === "io" ? c.ioThread === "stopped" : c.sqlThread === "stopped";

/** Plans START or STOP of the chosen threads; refused when they already are in that state. */
export function planThreads(node: NodeView, verb: "start" | "stop", threads: Threads, channel?: string): PlanResult {
  const ch = pickChannel(node, channel);
  if (typeof ch === "string") return { ok: false, refused: ch };
  const what = threads === "both" ? "Replication" : `The ${threads.toUpperCase()} thread`;
  if (verb === "start" && running(ch, threads)) return { ok: false, refused: `${what} already runs on ${node.name}.` };
  if (verb === "stop" && stopped(ch, threads)) return { ok: false, refused: `${what} is already stopped on ${node.name}.` };
  const named = node.channels.length > 1 || ch.channel !== "";
  const warnings: string[] = [];
  if (verb === "start" && ch.lastSqlErrno && threads !== "io") warnings.push(`The applier stopped on error ${ch.lastSqlErrno}: it will probably fail again on the same transaction.`);
  if (verb === "stop" && threads !== "io") warnings.push("While the applier is stopped the replica falls behind; reads from it become stale.");
  const suffix = threads === "both" ? "both" : threads.toUpperCase();
  return {
    ok: true,
    plan: {
      summary: `${verb === "start" ? "Start" : "Stop"} ${threads === "both" ? "both replication threads" : `the ${suffix} thread`}${named ? ` of channel "${ch.channel}"` : ""} on ${node.name}.`,
      statements: [threadStatement(node.version, verb, threads, ch.channel, named)],
      warnings,
      expect: verb === "start" ? (threads === "both" ? "running" : threads === "io" ? "io_running" : "sql_running") : threads === "both" ? "stopped" : threads === "io" ? "io_stopped" : "sql_stopped",
    },
  };
}
