// The preflight step: read both servers and the cluster, run the domain checks, fail on any "fail".
import "server-only";
import { cloneUnavailable } from "@/lib/domain/bootstrap/clone";
import { preflight } from "@/lib/domain/bootstrap/preflight";
import { reshapePoll } from "@/lib/domain/poll";
import { clusterOf } from "@/lib/domain/problems";
import type { ServerStatus } from "@/lib/domain/server-status";
import { readStatus } from "@/lib/mysql/status";
import { statusReport } from "../status";
import type { RunServer, StepContext } from "./context";

type Rows = Record<string, unknown>[];
const SYSTEM = "('mysql','information_schema','performance_schema','sys')";

async function side(ctx: StepContext, which: "source" | "target", s: RunServer) {
  const raw = await ctx.session(which, (c) => readStatus(c, s.version, []));
  const poll = reshapePoll(raw);
  if (!poll.ok) throw new Error(poll.error);
  const grants = (await ctx.read<Rows>(which, "SHOW GRANTS")).map((r) => String(Object.values(r)[0]));
  return { name: s.record.name, host: s.record.host, port: s.record.port, version: s.version, facts: poll.facts, grants, channels: poll.channels.length };
}

/** Runs every check; the result lines go to the step log, a failure throws with the count. */
export async function runPreflight(ctx: StepContext): Promise<void> {
  const source = await side(ctx, "source", ctx.source);
  const target = await side(ctx, "target", ctx.target);
  const dbs = (await ctx.read<Rows>("target", `SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ${SYSTEM}`)).map((r) => String(r.s));
  const vars = new Map((await ctx.read<Rows>("source", "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('expire_logs_days','binlog_expire_logs_seconds')")).map((r) => [String(r.Variable_name), Number(r.Value)]));
  const expireSeconds = Math.max(vars.get("binlog_expire_logs_seconds") ?? 0, (vars.get("expire_logs_days") ?? 0) * 86_400);
  const [size] = await ctx.read<{ b: number | null }[]>("source", `SELECT SUM(DATA_LENGTH + INDEX_LENGTH) AS b FROM information_schema.TABLES WHERE TABLE_SCHEMA NOT IN ${SYSTEM}`);
  const { servers, statuses } = await statusReport();
  const cluster = clusterOf(servers.map((r) => ({ ...r, status: statuses.get(r.id) ?? null })));
  const sourceCluster = cluster.get(ctx.source.record.id);
  const clusterServerIds = servers
    .filter((r) => r.id !== ctx.target.record.id && cluster.get(r.id) === sourceCluster)
    .map((r) => ({ name: r.name, serverId: (statuses.get(r.id) as ServerStatus | undefined)?.facts?.serverId ?? 0 }))
    .filter((x) => x.serverId > 0);
  const checks = preflight({
    source: { ...source, expireSeconds: expireSeconds || null },
    target: { ...target, userDatabases: dbs, replicating: target.channels > 0 },
    clusterServerIds, overwriteTarget: ctx.run.options.overwriteTarget, keepTargetData: ctx.run.options.copyMode === "existing", resetTarget: ctx.run.options.resetTarget,
    estimatedCopySeconds: Math.max(60, Number(size?.b ?? 0) / 50e6),
  });
  if (ctx.run.options.copyMode === "clone") {
    const why = cloneUnavailable(ctx.source.version, ctx.target.version);
    checks.push(why ? { id: "clone", status: "fail", message: why, fix: "Choose dump and load instead." } : { id: "clone", status: "pass", message: "CLONE is available for this pair (the donor account needs BACKUP_ADMIN, the recipient's CLONE_ADMIN)." });
  }
  checks.forEach((check) => ctx.log({ text: `${check.status.toUpperCase()} ${check.message}`, check }));
  const failed = checks.filter((c) => c.status === "fail");
  if (failed.length) throw new Error(`${failed.length} preflight check${failed.length > 1 ? "s" : ""} failed: ${failed.map((c) => c.message).join(" ")}`);
}
