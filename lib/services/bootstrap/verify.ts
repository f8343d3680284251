// Sampled consistency check at one position: a consistent snapshot on the source, the replica stopped exactly there.
import "server-only";
import { sampleTables } from "@/lib/domain/bootstrap/checksum";
import { startReplicaStatement, startUntilGtidStatement, startUntilStatement, stopReplicaStatement, stoppedAtUntil } from "@/lib/domain/dialect";
import { readChannels } from "@/lib/mysql/replication";
import { listUserTables, tableChecksum } from "@/lib/mysql/schemas";
import { closeSnapshot, openSnapshot } from "@/lib/mysql/snapshot";
import type { StepContext } from "./context";

/** Compares COUNT(*) and a row hash of sampled InnoDB tables on both sides at the same binlog position. */
export async function verifyConsistency(ctx: StepContext): Promise<void> {
  const sample = sampleTables(await listUserTables(ctx.on("source")));
  if (!sample.length) return ctx.log({ text: "No InnoDB user tables to checksum." });
  await ctx.session("source", async (src) => {
    const byGtid = ctx.run.options.useGtid;
    const { file, position: pos, gtid } = await openSnapshot(src, ctx.source.version, byGtid);
    ctx.log({ on: "source", text: `Snapshot taken at ${file}:${pos} (read lock held only to read the position)` });
    await ctx.exec("target", stopReplicaStatement(ctx.target.version));
    await ctx.exec("target", byGtid ? startUntilGtidStatement(ctx.target.version, gtid) : startUntilStatement(ctx.target.version, file, pos));
    const reached = await ctx.session("target", async (c) => {
      for (let i = 0; i < 120; i++) {
        const [ch] = await readChannels(c, ctx.target.version);
        if (stoppedAtUntil(ctx.target.version, ch, byGtid ? { gtid } : { file, position: pos })) return true;
        await new Promise((res) => setTimeout(res, 250));
      }
      return false;
    });
    try {
      if (!reached) throw new Error(`The replica did not reach ${file}:${pos} within 30 s; the checksum was not compared.`);
      for (const t of sample) {
        const a = await tableChecksum(src, t);
        const b = await tableChecksum(ctx.on("target"), t);
        const same = a.rows === b.rows && a.hash === b.hash;
        ctx.log({ text: `${same ? "MATCH" : "DIFFERS"} ${t.schema}.${t.name}: ${a.rows} rows on the source, ${b.rows} on the replica`, error: same ? undefined : "checksum differs" });
        if (!same) throw new Error(`${t.schema}.${t.name} differs between source and replica at ${file}:${pos}.`);
      }
    } finally {
      await closeSnapshot(src);
      await ctx.exec("target", startReplicaStatement(ctx.target.version));
    }
  });
}
