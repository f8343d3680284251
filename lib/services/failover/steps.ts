// The failover's steps: each reads live state, runs its statements, and records what the next steps need.
import "server-only";
import { env } from "@/lib/config/env";
import { saveFailover } from "@/lib/data/failover";
import { gtidWaitReached, promoteStatements, startReplicaStatement, stopReceiverStatement, stopReplicaStatement, waitForGtidQuery } from "@/lib/domain/dialect";
import { type Advancement, advancementOf, gtidContains } from "@/lib/domain/failover/advance";
import { assessFailoverCandidate, channelFromDead, coordinatesRefusal, mostAdvanced } from "@/lib/domain/failover/candidates";
import { receiverDown } from "@/lib/domain/failover/detect";
import { buildReport, type FailoverStepId, type ReportReplica } from "@/lib/domain/failover/plan";
import { followerStatement, followPosition } from "@/lib/domain/operations/follow";
import { describeNow } from "@/lib/domain/operations/outcome";
import type { NodeView } from "@/lib/domain/operations/types";
import { probeServer } from "@/lib/mysql/probe";
import type { Live } from "../live-server";
import type { FailoverContext } from "./context";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const all = (ctx: FailoverContext) => [ctx.candidate, ...ctx.others];
const WAIT_SECONDS = 120;

/** Reads every replica and its advancement on the channel from the dead source. */
async function advancements(ctx: FailoverContext): Promise<{ live: Live; node: NodeView; adv: Advancement }[]> {
  return Promise.all(all(ctx).map(async (live) => {
    const node = await ctx.node(live);
    const ch = channelFromDead(node, ctx.dead);
    if (!ch) throw new Error(`${node.name} no longer replicates from ${ctx.dead.name}: ${describeNow(node)}.`);
    return { live, node, adv: advancementOf(node, ch) };
  }));
}

/** 1. The source must still be unreachable from replscope, and no replica may still receive from it. */
async function verifyDead(ctx: FailoverContext) {
  const probe = await probeServer(ctx.source.target, env().REPLSCOPE_CONNECT_TIMEOUT_MS);
  if (probe.status === "ok") throw new Error(`${ctx.dead.name} answers again: it is not dead. Use the switchover (or check the fencing) instead.`);
  ctx.log(ctx.source, `✓ replscope cannot reach ${ctx.dead.name}: ${probe.detail}`);
  const nodes = await Promise.all(all(ctx).map(ctx.node));
  for (const n of nodes) {
    const ch = channelFromDead(n, ctx.dead);
    if (!ch) throw new Error(`${n.name} no longer replicates from ${ctx.dead.name}: start again.`);
    if (!receiverDown(ch)) throw new Error(`${n.name} still receives from ${ctx.dead.name} (receiver ${ch.ioThread}): the source is alive for its replicas. No failover.`);
    ctx.log(null, `✓ ${n.name}: receiver ${ch.ioThread}${ch.lastIoErrno ? ` (error ${ch.lastIoErrno})` : ""}`);
  }
  const cand = nodes[0];
  const r = assessFailoverCandidate(ctx.dead, cand, nodes.slice(1), ctx.candidate.record.promotionRule);
  for (const c of r.checks) ctx.log(null, `${c.ok ? "✓" : c.blocking ? "✗" : "!"} ${c.label}: ${c.detail}`);
  if (!r.ready) throw new Error(`${cand.name} is not ready: ${r.checks.filter((c) => !c.ok && c.blocking).map((c) => c.label).join(", ")}.`);
}

/** 2. Stops every receiver, so the advancements compared below no longer move. */
async function stopReceivers(ctx: FailoverContext) {
  for (const r of all(ctx)) await ctx.exec(r, stopReceiverStatement(r.version));
  const list = await advancements(ctx);
  const refusal = coordinatesRefusal(list.map((x) => ({ candidateName: x.node.name, advancement: x.adv })) as never);
  if (refusal) throw new Error(refusal);
  ctx.state.gtid = list.every((x) => x.adv.gtid);
  ctx.state.received = Object.fromEntries(list.map((x) => [x.live.record.id, x.adv]));
  const best = mostAdvanced(list.map((x) => ({ ...x, advancement: x.adv })))!;
  ctx.state.mostAdvancedId = best.live.record.id;
  for (const x of list) ctx.log(x.live, `retrieved ${x.adv.retrieved || "—"}, executed ${x.adv.executed || "—"}`);
  ctx.log(best.live, `Most advanced: ${best.live.record.name}.`);
}

/** Waits until `on` has applied `gtid`, or throws. */
async function waitApplied(ctx: FailoverContext, on: Live, gtid: string) {
  if (!gtid) return;
  const [row] = await ctx.read<{ r: unknown }[]>(on, waitForGtidQuery(on.version, gtid, WAIT_SECONDS));
  if (!gtidWaitReached(row?.r)) throw new Error(`${on.record.name} did not apply ${gtid} within ${WAIT_SECONDS} s: ${describeNow(await ctx.node(on))}.`);
  ctx.log(on, `✓ applied ${gtid}`);
}

/** 3. MHA's idea with GTID: a candidate behind the most advanced replica replicates from it until it has everything. */
async function catchUp(ctx: FailoverContext) {
  const received = ctx.state.received as Record<string, Advancement>;
  const best = all(ctx).find((r) => r.record.id === ctx.state.mostAdvancedId)!;
  const mine = received[ctx.candidate.record.id];
  const theirs = received[best.record.id];
  if (best === ctx.candidate || !ctx.state.gtid || gtidContains(mine.retrieved, theirs.retrieved)) return ctx.log(ctx.candidate, `${ctx.candidate.record.name} already has everything any replica received.`);
  ctx.log(ctx.candidate, `${ctx.candidate.record.name} is behind ${best.record.name}: it replicates from it until it has ${theirs.retrieved}.`);
  await waitApplied(ctx, best, theirs.retrieved);
  const v = ctx.candidate.version;
  await ctx.exec(ctx.candidate, stopReplicaStatement(v));
  await ctx.exec(ctx.candidate, followerStatement(v, best.record.host, best.record.port, { kind: "gtid" }));
  ctx.state.candidatePointedAt = best.record.id;
  await ctx.exec(ctx.candidate, startReplicaStatement(v));
  await waitApplied(ctx, ctx.candidate, theirs.retrieved);
  await ctx.exec(ctx.candidate, stopReplicaStatement(v));
}

/** 4. The candidate applies all it retrieved (its applier keeps running on the relay log). */
async function applyRelay(ctx: FailoverContext) {
  const received = ctx.state.received as Record<string, Advancement>;
  const best = received[ctx.state.mostAdvancedId as string];
  const mine = received[ctx.candidate.record.id];
  if (ctx.state.gtid) return waitApplied(ctx, ctx.candidate, ctx.state.candidatePointedAt ? best.retrieved : mine.retrieved);
  for (const end = Date.now() + WAIT_SECONDS * 1000; Date.now() < end; await sleep(250)) {
    const n = await ctx.node(ctx.candidate);
    const ch = channelFromDead(n, ctx.dead);
    if (ch && `${ch.relaySourceLogFile}:${ch.execSourceLogPos}` === mine.retrieved) return ctx.log(ctx.candidate, `✓ applied up to ${mine.retrieved}`);
    if (ch?.lastSqlErrno) throw new Error(`${n.name} stopped applying: ${describeNow(n)}.`);
  }
  throw new Error(`${ctx.candidate.record.name} did not apply its relay log within ${WAIT_SECONDS} s.`);
}

/** 5. Point of no return: the candidate forgets its source and becomes writable. */
async function promote(ctx: FailoverContext) {
  const v = ctx.candidate.version;
  const [stop, reset, ...writable] = promoteStatements(v);
  await ctx.exec(ctx.candidate, stop);
  await ctx.exec(ctx.candidate, reset);
  ctx.state.promoted = true;
  for (const sql of writable) await ctx.exec(ctx.candidate, sql);
  const n = await ctx.node(ctx.candidate);
  ctx.state.newSourceHas = n.facts.gtidExecuted;
  if (!ctx.state.gtid) ctx.state.candidateAt = n.sourceStatus;
  ctx.log(ctx.candidate, `${n.name} is the writable source at ${n.facts.gtidExecuted || `${n.sourceStatus?.file}:${n.sourceStatus?.position}`}.`);
}

/** 6. Every other replica follows the new source (by GTID, or at its coordinates when all stopped at the same place). */
async function repoint(ctx: FailoverContext) {
  const to = ctx.candidate.record;
  const at = ctx.state.candidateAt as { file: string; position: number } | undefined;
  for (const r of ctx.others) {
    await ctx.exec(r, stopReplicaStatement(r.version));
    await ctx.exec(r, followerStatement(r.version, to.host, to.port, followPosition(Boolean(ctx.state.gtid), at)));
    await ctx.exec(r, startReplicaStatement(r.version));
  }
  let problems: string[] = [];
  for (let i = 0; i < 80; i++) {
    const nodes = await Promise.all(ctx.others.map(ctx.node));
    problems = nodes.filter((n) => !(n.channels[0]?.ioThread === "running" && n.channels[0]?.sqlThread === "running" && n.channels[0].sourcePort === to.port)).map((n) => `${n.name}: ${describeNow(n)}`);
    if (!problems.length) return ctx.log(null, `${nodes.map((n) => n.name).join(", ") || "No other replica"} replicate${nodes.length === 1 ? "s" : ""} from ${to.name} with both threads running.`);
    await sleep(250);
  }
  throw new Error(`Not every replica replicates from ${to.name}: ${problems.join("; ")}.`);
}

/** 7. What each replica had received, what the new source has, and what may be lost. */
async function report(ctx: FailoverContext) {
  const received = ctx.state.received as Record<string, Advancement>;
  const cand = await ctx.node(ctx.candidate);
  const replicas: ReportReplica[] = all(ctx).map((r) => ({ name: r.record.name, role: r === ctx.candidate ? "new source" : "repointed", retrieved: received[r.record.id]?.retrieved ?? "", executed: received[r.record.id]?.executed ?? "" }));
  const rep = buildReport({ oldSource: ctx.dead.name, lastKnown: ctx.dead.facts?.gtidExecuted || null, semiSync: ctx.dead.facts?.semiSync.sourceActive ?? null, newSource: cand.name, newSourceHas: (ctx.state.newSourceHas as string) || cand.facts.gtidExecuted, replicas });
  await saveFailover(ctx.run.id, { report: rep });
  ctx.log(null, rep.lostNote);
}

/** Every step by id. */
export const FAILOVER_STEP_FNS: Record<FailoverStepId, (ctx: FailoverContext) => Promise<void>> = {
  verify_dead: verifyDead, stop_receivers: stopReceivers, catch_up: catchUp, apply_relay: applyRelay, promote, repoint, report,
};
