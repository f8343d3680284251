// The wizard's steps after preflight: replication user, copy, point, start, verify, register.
import "server-only";
import { namedChannelsCheck } from "@/lib/domain/bootstrap/preflight";
import { coordinatesProblem, gtidProblem } from "@/lib/domain/bootstrap/positions";
import { FLUSH_PRIVILEGES, replicationUserStatements } from "@/lib/domain/bootstrap/statements";
import type { StepId } from "@/lib/domain/bootstrap/plan";
import {
  changeSourceStatement, dumpCarriesGtids, gtidFlavor, gtidResetBeforeLoad, gtidStartStatements, needsSourcePublicKey, resetReplicaStatements, startReplicaStatement,
} from "@/lib/domain/dialect";
import { accountExists, readGrants } from "@/lib/mysql/accounts";
import { copyData } from "@/lib/mysql/copy";
import { listBinaryLogs, readBinlogGtidPos, readChannels, readGtidPosition } from "@/lib/mysql/replication";
import { countNonTransactionalTables } from "@/lib/mysql/schemas";
import { updateServerRow } from "@/lib/data/servers";
import { sweepSoon } from "../monitor";
import type { StepContext } from "./context";
import { cloneCopy } from "./clone-step";
import { runPreflight } from "./preflight-step";
import { verifyConsistency } from "./verify";

async function replicationUser(ctx: StepContext) {
  const { replUser, replHost, reuseUser } = ctx.run.options;
  if (reuseUser) {
    const grants = await readGrants(ctx.on("source"), { user: replUser, host: replHost });
    if (!grants.some((g) => /REPLICATION (SLAVE|REPLICA)|ALL PRIVILEGES/i.test(g))) throw new Error(`${replUser}@${replHost} exists but lacks REPLICATION SLAVE.`);
    return;
  }
  const exists = await accountExists(ctx.on("source"), replUser, replHost);
  if (exists && !ctx.undo.createdUser) throw new Error(`${replUser}@${replHost} already exists on the source: choose "reuse an existing user" or another name.`);
  if (!exists) {
    for (const sql of replicationUserStatements(replUser, replHost, ctx.replPassword)) await ctx.exec("source", sql);
    ctx.undo.createdUser = { user: replUser, host: replHost };
    await ctx.saveUndo();
  }
}

async function useExisting(ctx: StepContext) {
  const at = ctx.run.options.startAt!;
  if ("gtid" in at) {
    const pos = await readGtidPosition(ctx.on("source"), ctx.source.version);
    const problem = gtidProblem(at.gtid, gtidFlavor(ctx.source.version), pos);
    if (problem) throw new Error(problem);
    ctx.undo.gtid = at.gtid;
  } else {
    const problem = coordinatesProblem(at, await listBinaryLogs(ctx.on("source")));
    if (problem) throw new Error(problem);
    ctx.undo.coordinates = at;
  }
  ctx.log({ text: `The target's data is taken as it is, starting at ${"gtid" in at ? `GTID ${at.gtid}` : `${at.file}:${at.position}`} (validated against the source).` });
}

async function copy(ctx: StepContext) {
  if (ctx.run.options.copyMode === "existing") return useExisting(ctx);
  if (ctx.run.options.copyMode === "clone") return cloneCopy(ctx);
  const channels = await readChannels(ctx.on("target"), ctx.target.version);
  if (channels.length) {
    const named = channels.filter((c) => c.channel !== "");
    if (named.length) throw new Error(namedChannelsCheck(ctx.target.record.name, named.map((c) => ({ name: c.channel, source: `${c.sourceHost}:${c.sourcePort}` }))).message);
    if (!ctx.run.options.resetTarget) throw new Error(`${ctx.target.record.name} already replicates; confirm that it may be reset.`);
    for (const sql of resetReplicaStatements(ctx.target.version)) await ctx.exec("target", sql);
  }
  const n = await countNonTransactionalTables(ctx.on("source"));
  const mode = ctx.run.options.copyMode;
  const lock = mode === "lock" || (mode === "auto" && n > 0);
  ctx.undo.copyStarted = true;
  await ctx.saveUndo();
  if (ctx.run.options.useGtid) for (const sql of gtidResetBeforeLoad(ctx.target.version)) await ctx.exec("target", sql);
  ctx.log({ text: `Copying all databases ${lock ? `under FLUSH TABLES WITH READ LOCK (${n} non-transactional table(s))` : "with --single-transaction (InnoDB only: no long lock)"} from ${ctx.source.record.name} into ${ctx.target.record.name}` });
  let last = 0;
  const coords = await copyData({
    source: ctx.source.target, sourceVersion: ctx.source.version, target: ctx.target.target, lock, signal: ctx.signal,
    onProgress: (p) => {
      if (Date.now() - last <= 500) return;
      last = Date.now();
      ctx.setProgress(p);
    },
  });
  ctx.undo.copied = true;
  ctx.undo.coordinates = coords;
  if (ctx.run.options.useGtid && !dumpCarriesGtids(ctx.source.version)) {
    const gtid = await readBinlogGtidPos(ctx.on("source"), coords.file, coords.position);
    ctx.undo.gtid = gtid;
    ctx.log({ text: `GTID position at the copy: ${gtid}` });
  } else if (ctx.run.options.useGtid) ctx.undo.gtid = "restored on the target by the dump's SET @@GLOBAL.GTID_PURGED";
  ctx.log({ text: `Copy finished at ${coords.file}:${coords.position}` });
  await ctx.exec("target", FLUSH_PRIVILEGES);
}

async function point(ctx: StepContext) {
  const coords = ctx.undo.coordinates as { file: string; position: number } | undefined;
  const gtid = ctx.run.options.useGtid ? (ctx.undo.gtid as string | undefined) : undefined;
  if (!coords && !gtid) throw new Error("No start position from the copy: retry the copy step.");
  const s = ctx.source.record;
  const v = ctx.target.version;
  if (gtid) for (const sql of gtidStartStatements(v, gtid, ctx.run.options.copyMode === "existing")) await ctx.exec("target", sql);
  await ctx.exec("target", changeSourceStatement(v, {
    host: s.host, port: s.port, user: ctx.run.options.replUser, password: ctx.replPassword, start: gtid ? { kind: "gtid" } : { kind: "file", ...coords! },
    getPublicKey: needsSourcePublicKey(ctx.source.version),
  }));
  ctx.undo.pointed = true;
  await ctx.saveUndo();
}

async function start(ctx: StepContext) {
  await ctx.exec("target", startReplicaStatement(ctx.target.version));
}

/** Waits on one connection until both threads run with lag 0; returns null then, else the last state in words. */
async function waitUntilReplicating(ctx: StepContext): Promise<string | null> {
  return ctx.session("target", async (c) => {
    let last = "no replication channel";
    for (let i = 0; i < 120 && !ctx.signal.aborted; i++) {
      const [ch] = await readChannels(c, ctx.target.version);
      if (ch?.ioThread === "running" && ch.sqlThread === "running" && ch.secondsBehind === 0) return null;
      if (ch) last = `IO ${ch.ioThread}, SQL ${ch.sqlThread}, lag ${ch.secondsBehind ?? "unknown"}${ch.lastIoErrno ? `, IO error ${ch.lastIoErrno}: ${ch.lastIoError}` : ""}${ch.lastSqlErrno ? `, SQL error ${ch.lastSqlErrno}: ${ch.lastSqlError}` : ""}`;
      if (ch?.lastSqlErrno || (ch?.ioThread === "stopped" && ch.lastIoErrno)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return last;
  });
}

async function verify(ctx: StepContext) {
  const problem = await waitUntilReplicating(ctx);
  if (problem) throw new Error(`The replica is not running cleanly: ${problem}.`);
  ctx.log({ text: "Both replication threads run and lag is 0." });
  await verifyConsistency(ctx);
}

async function register(ctx: StepContext) {
  await updateServerRow(ctx.target.record.id, { cluster: ctx.source.record.cluster ?? ctx.source.record.name });
  sweepSoon();
}

/** Every step by id. */
export const STEPS: Record<StepId, (ctx: StepContext) => Promise<void>> = {
  preflight: runPreflight, replication_user: replicationUser, copy, point, start, verify, register,
};
