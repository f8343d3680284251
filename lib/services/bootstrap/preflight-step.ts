// The preflight step: read both servers and the cluster, run the domain checks, fail on any "fail".
import "server-only";
import { cloneCheck } from "@/lib/domain/bootstrap/clone";
import { preflight } from "@/lib/domain/bootstrap/preflight";
import { reshapePoll } from "@/lib/domain/poll";
import { clusterOf } from "@/lib/domain/problems";
import { readGrants } from "@/lib/mysql/accounts";
import { readVariables } from "@/lib/mysql/replication";
import { listUserDatabases, userDataBytes } from "@/lib/mysql/schemas";
import { readStatus } from "@/lib/mysql/status";
import { statusReport } from "../status";
import type { RunServer, StepContext } from "./context";

async function side(ctx: StepContext, which: "source" | "target", s: RunServer) {
  const raw = await ctx.session(which, (c) => readStatus(c, s.version, []));
  const poll = reshapePoll(raw);
  if (!poll.ok) throw new Error(poll.error);
  const grants = await readGrants(ctx.on(which));
  const namedChannels = poll.channels.filter((c) => c.channel !== "").map((c) => ({ name: c.channel, source: `${c.sourceHost}:${c.sourcePort}` }));
  return { name: s.record.name, host: s.record.host, port: s.record.port, version: s.version, facts: poll.facts, grants, channels: poll.channels.length, namedChannels };
}

/** Runs every check; the result lines go to the step log, a failure throws with the count. */
export async function runPreflight(ctx: StepContext): Promise<void> {
  const source = await side(ctx, "source", ctx.source);
  const target = await side(ctx, "target", ctx.target);
  const dbs = await listUserDatabases(ctx.on("target"));
  const vars = await readVariables(ctx.on("source"), ["expire_logs_days", "binlog_expire_logs_seconds"]);
  const expireSeconds = Math.max(Number(vars.get("binlog_expire_logs_seconds") ?? 0), Number(vars.get("expire_logs_days") ?? 0) * 86_400);
  const size = await userDataBytes(ctx.on("source"));
  const { servers, statuses } = await statusReport();
  const cluster = clusterOf(servers.map((r) => ({ ...r, status: statuses.get(r.id) ?? null })));
  const sourceCluster = cluster.get(ctx.source.record.id);
  const clusterServerIds = servers
    .filter((r) => r.id !== ctx.target.record.id && cluster.get(r.id) === sourceCluster)
    .map((r) => ({ name: r.name, serverId: statuses.get(r.id)?.facts?.serverId ?? 0 }))
    .filter((x) => x.serverId > 0);
  const checks = preflight({
    source: { ...source, expireSeconds: expireSeconds || null },
    target: { ...target, userDatabases: dbs, replicating: target.channels > 0 },
    clusterServerIds, overwriteTarget: ctx.run.options.overwriteTarget, keepTargetData: ctx.run.options.copyMode === "existing", resetTarget: ctx.run.options.resetTarget,
    estimatedCopySeconds: Math.max(60, size / 50e6),
  });
  if (ctx.run.options.copyMode === "clone") checks.push(cloneCheck(ctx.source.version, ctx.target.version));
  checks.forEach((check) => ctx.log({ text: `${check.status.toUpperCase()} ${check.message}`, check }));
  const failed = checks.filter((c) => c.status === "fail");
  if (failed.length) throw new Error(`${failed.length} preflight check${failed.length > 1 ? "s" : ""} failed: ${failed.map((c) => c.message).join(" ")}`);
}
