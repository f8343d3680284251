// The switchover's steps: each reads live state, runs its statements, and records what the next steps need.
import "server-only";
import { env } from "@/lib/config/env";
import { readOnlyStatements, resetReplicaAllStatement, startReplicaStatement, stopReplicaStatement } from "@/lib/domain/dialect";
import { probeServer } from "@/lib/mysql/probe";
import { describeNow } from "@/lib/domain/operations/outcome";
import { hasRoles, missingFor, type StatementKind } from "@/lib/domain/operations/privileges";
import { replicatesFrom } from "@/lib/domain/operations/repoint";
import type { NodeView } from "@/lib/domain/operations/types";
import { followerStatement, followPosition, oldSourceStatements } from "@/lib/domain/operations/follow";
import { appliedUpTo, followMode, type SwitchoverStepId } from "@/lib/domain/switchover/plan";
import { assessCandidate } from "@/lib/domain/switchover/readiness";
import type { Live } from "../live-server";
import type { SwitchoverContext } from "./context";

type Coords = { file: string; position: number; gtid: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const followers = (ctx: SwitchoverContext) => [ctx.candidate, ...ctx.siblings];

/** The old source will log in to the candidate with the replication account: try it now, while nothing has changed. */
async function checkCredentials(ctx: SwitchoverContext) {
  const { replUser, verifyCredentials } = ctx.run.options;
  const name = ctx.candidate.record.name;
  if (!verifyCredentials) return ctx.log(null, `! The replication account was not tried (skipped on request): if it cannot log in to ${name}, the old source will not replicate after the promotion.`);
  const r = await probeServer({ ...ctx.candidate.target, user: replUser, password: ctx.password }, env().REPLSCOPE_CONNECT_TIMEOUT_MS);
  if (r.status !== "ok")
    throw new Error(`The replication account ${replUser} could not log in to ${name} from replscope: ${r.detail} The old source would fail the same way after the point of no return. Fix the password, or, if the account only accepts the replicas' addresses, start again with the credential check skipped.`);
  ctx.log(ctx.candidate, `✓ The replication account ${replUser} logs in to ${name}.`);
}

/** Every account must be allowed what its server will run; refused before anything changes (roles: only a warning). */
async function checkPrivileges(ctx: SwitchoverContext) {
  const needs: [Live, StatementKind[]][] = [[ctx.source, ["readOnly", "control"]], [ctx.candidate, ["control", "reset", "readOnly"]], ...ctx.siblings.map((s): [Live, StatementKind[]] => [s, ["control"]])];
  const problems: string[] = [];
  for (const [on, kinds] of needs) {
    const grants = await ctx.grants(on);
    const missing = missingFor(on.version, kinds, grants);
    if (!missing.length) continue;
    const text = `${on.record.name} (account ${on.target.user}): ${missing.join("; ")}`;
    if (hasRoles(grants)) ctx.log(on, `! ${text} — it holds roles, which may grant this: going on.`);
    else problems.push(text);
  }
  if (problems.length) throw new Error(`The registered accounts lack privileges this switchover needs, so nothing was changed: ${problems.join(". ")}.`);
  ctx.log(null, "✓ Every registered account may run its statements.");
}

/** Replicas are read before the source, so a source under writes is never seen behind them (no false errant GTIDs). */
async function check(ctx: SwitchoverContext) {
  const candidate = await ctx.node(ctx.candidate);
  const siblings = await Promise.all(ctx.siblings.map(ctx.node));
  const source = await ctx.node(ctx.source);
  const r = assessCandidate(source, candidate, siblings);
  for (const c of r.checks) ctx.log(null, `${c.ok ? "✓" : c.blocking ? "✗" : "!"} ${c.label}: ${c.detail}`);
  if (!r.ready) throw new Error(`${ctx.candidate.record.name} is not ready: ${r.checks.filter((c) => !c.ok && c.blocking).map((c) => c.label).join(", ")}.`);
  const lost = siblings.filter((s) => !s.channels.some((c) => replicatesFrom(c, source)));
  if (lost.length) throw new Error(`${lost.map((s) => s.name).join(", ")} no longer replicate(s) from ${source.name}: start again.`);
  await checkPrivileges(ctx);
  await checkCredentials(ctx);
  ctx.state.sourceWasReadOnly = source.facts.readOnly;
  ctx.state.mode = followMode(candidate, [source, ...siblings]);
  ctx.log(null, `Readiness ${r.score}/100. Followers will be positioned ${ctx.state.mode === "gtid" ? "by GTID" : "at the new source's binlog coordinates"}.`);
}

async function sourceReadOnly(ctx: SwitchoverContext) {
  for (const sql of readOnlyStatements(ctx.source.version, true)) await ctx.exec(ctx.source, sql);
  ctx.state.sourceSetReadOnly = true;
}

async function sourceCoords(ctx: SwitchoverContext): Promise<Coords> {
  const n = await ctx.node(ctx.source);
  if (!n.sourceStatus) throw new Error(`${ctx.source.record.name} has no binary log position.`);
  return { file: n.sourceStatus.file, position: n.sourceStatus.position, gtid: n.facts.gtidExecuted };
}

async function catchUp(ctx: SwitchoverContext) {
  const final = await sourceCoords(ctx);
  ctx.state.final = final;
  ctx.log(ctx.source, `Read-only at ${final.file}:${final.position}${final.gtid ? ` (GTID ${final.gtid})` : ""}; waiting for ${followers(ctx).map((f) => f.record.name).join(", ")}.`);
  const deadline = Date.now() + ctx.run.options.catchUpSeconds * 1000;
  for (;;) {
    const nodes = await Promise.all(followers(ctx).map(ctx.node));
    const behind = nodes.filter((n) => !appliedUpTo(n.channels[0], final));
    if (!behind.length) return ctx.log(null, "Everyone has applied everything the old source wrote.");
    const broken = behind.find((n) => n.channels[0]?.sqlThread !== "running");
    if (broken) throw new Error(`${broken.name} stopped applying before catching up: ${describeNow(broken)}.`);
    if (ctx.stopRequested()) throw new Error("Stopped by the user while waiting.");
    if (Date.now() > deadline) throw new Error(`Not caught up after ${ctx.run.options.catchUpSeconds} s: ${behind.map((n) => `${n.name} at ${n.channels[0]?.relaySourceLogFile}:${n.channels[0]?.execSourceLogPos}`).join(", ")}.`);
    await sleep(250);
  }
}

async function stopReplicas(ctx: SwitchoverContext) {
  const final = ctx.state.final as Coords;
  ctx.state.stopped = [];
  for (const f of followers(ctx)) {
    await ctx.exec(f, stopReplicaStatement(f.version));
    (ctx.state.stopped as string[]).push(f.record.id);
  }
  const now = await sourceCoords(ctx);
  if (now.file !== final.file || now.position !== final.position)
    throw new Error(`${ctx.source.record.name} was written to after it became read-only (${final.file}:${final.position} → ${now.file}:${now.position}): a user with SUPER or READ ONLY ADMIN still writes. Nothing was promoted.`);
  for (const n of await Promise.all(followers(ctx).map(ctx.node)))
    if (!appliedUpTo(n.channels[0], final)) throw new Error(`${n.name} stopped short of ${final.file}:${final.position}.`);
  const cand = await ctx.node(ctx.candidate);
  if (!cand.sourceStatus) throw new Error(`${cand.name} has no binary log position.`);
  ctx.state.candidateAt = { file: cand.sourceStatus.file, position: cand.sourceStatus.position };
  ctx.log(ctx.candidate, `New source's coordinates for its followers: ${cand.sourceStatus.file}:${cand.sourceStatus.position}.`);
}

async function promote(ctx: SwitchoverContext) {
  await ctx.exec(ctx.candidate, resetReplicaAllStatement(ctx.candidate.version));
  ctx.state.promoted = true;
  for (const sql of readOnlyStatements(ctx.candidate.version, false)) await ctx.exec(ctx.candidate, sql);
}

const position = (ctx: SwitchoverContext) => followPosition(ctx.state.mode === "gtid", ctx.state.candidateAt as { file: string; position: number });

async function repointSource(ctx: SwitchoverContext) {
  const to = { host: ctx.candidate.record.host, port: ctx.candidate.record.port, user: ctx.run.options.replUser, password: ctx.password };
  for (const sql of oldSourceStatements(ctx.source.version, to, position(ctx), (ctx.state.final as Coords).gtid)) await ctx.exec(ctx.source, sql);
  await ctx.exec(ctx.source, startReplicaStatement(ctx.source.version));
}

async function repointSiblings(ctx: SwitchoverContext) {
  for (const s of ctx.siblings) {
    await ctx.exec(s, followerStatement(s.version, ctx.candidate.record.host, ctx.candidate.record.port, position(ctx)));
    await ctx.exec(s, startReplicaStatement(s.version));
  }
}

function problemWith(n: NodeView, cand: Live): string | null {
  const ch = n.channels[0];
  if (!ch || !replicatesFrom(ch, { host: cand.record.host, port: cand.record.port, facts: { serverId: null } as NodeView["facts"] })) return `${n.name} does not replicate from ${cand.record.name}`;
  return ch.ioThread === "running" && ch.sqlThread === "running" ? null : `${n.name}: ${describeNow(n)}`;
}

/** Waits up to 20 s for every follower to run; a receiver failing with an error for 2 s ends the wait at once. */
async function verify(ctx: SwitchoverContext) {
  let problems: string[] = [];
  let failing = 0;
  for (let i = 0; i < 80 && failing < 8; i++) {
    const [source, cand, ...sibs] = await Promise.all([ctx.source, ctx.candidate, ...ctx.siblings].map(ctx.node));
    problems = [source, ...sibs].map((n) => problemWith(n, ctx.candidate)).filter((p): p is string => !!p);
    failing = [source, ...sibs].some((n) => n.channels[0] && ((n.channels[0].lastIoErrno && n.channels[0].ioThread !== "running") || n.channels[0].lastSqlErrno)) ? failing + 1 : 0;
    if (!source.facts.readOnly) problems.push(`${source.name} is writable`);
    if (cand.facts.readOnly || cand.channels.length) problems.push(`${cand.name}: ${describeNow(cand)}`);
    if (!problems.length) return ctx.log(null, `${cand.name} is the writable source; ${[source, ...sibs].map((n) => n.name).join(", ")} replicate from it.`);
    await sleep(250);
  }
  throw new Error(problems.join("; "));
}

/** Every step by id. */
export const SWITCHOVER_STEP_FNS: Record<SwitchoverStepId, (ctx: SwitchoverContext) => Promise<void>> = {
  check, source_read_only: sourceReadOnly, catch_up: catchUp, stop_replicas: stopReplicas, promote, repoint_source: repointSource, repoint_siblings: repointSiblings, verify,
};
