// Sampled consistency check at one position: a consistent snapshot on the source, the replica stopped exactly there.
import "server-only";
import { rowHashQuery, sampleTables, type TableInfo } from "@/lib/domain/bootstrap/checksum";
import { dialectFor, gtidPositionQuery, startReplicaStatement, startUntilGtidStatement, startUntilStatement, stopReplicaStatement, stoppedAtUntil } from "@/lib/domain/dialect";
import { normaliseReplicaRows } from "@/lib/domain/replica-status";
import type { StepContext } from "./context";

type Rows = Record<string, unknown>[];
const SYSTEM = "('mysql','information_schema','performance_schema','sys','replscope')";

async function tables(ctx: StepContext): Promise<TableInfo[]> {
  const rows = await ctx.read<Rows>("source", `SELECT t.TABLE_SCHEMA AS s, t.TABLE_NAME AS n, t.ENGINE AS e, t.TABLE_ROWS AS r, GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION SEPARATOR '\\n') AS cols FROM information_schema.TABLES t JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA NOT IN ${SYSTEM} GROUP BY t.TABLE_SCHEMA, t.TABLE_NAME, t.ENGINE, t.TABLE_ROWS`);
  return rows.map((r) => ({ schema: String(r.s), name: String(r.n), engine: String(r.e ?? ""), rows: Number(r.r ?? 0), columns: String(r.cols ?? "").split("\n").filter(Boolean) }));
}

/** Compares COUNT(*) and a row hash of sampled InnoDB tables on both sides at the same binlog position. */
export async function verifyConsistency(ctx: StepContext): Promise<void> {
  const sample = sampleTables(await tables(ctx));
  if (!sample.length) return ctx.log({ text: "No InnoDB user tables to checksum." });
  await ctx.session("source", async (src) => {
    await src.query("FLUSH TABLES WITH READ LOCK");
    let file: string;
    let pos: number;
    let gtid = "";
    const byGtid = ctx.run.options.useGtid;
    try {
      await src.query("START TRANSACTION WITH CONSISTENT SNAPSHOT");
      const [st] = await src.query<{ File: string; Position: number }[]>(dialectFor(ctx.source.version).sourceStatus);
      [file, pos] = [st.File, Number(st.Position)];
      if (byGtid) [{ pos: gtid }] = await src.query<{ pos: string }[]>(gtidPositionQuery(ctx.source.version));
    } finally {
      await src.query("UNLOCK TABLES");
    }
    ctx.log({ on: "source", text: `Snapshot taken at ${file}:${pos} (read lock held only to read the position)` });
    await ctx.exec("target", stopReplicaStatement(ctx.target.version));
    await ctx.exec("target", byGtid ? startUntilGtidStatement(ctx.target.version, gtid) : startUntilStatement(ctx.target.version, file, pos));
    const reached = await ctx.session("target", async (c) => {
      for (let i = 0; i < 120; i++) {
        const [ch] = normaliseReplicaRows(await c.query<Rows>(dialectFor(ctx.target.version).replicaStatus));
        if (stoppedAtUntil(ctx.target.version, ch, byGtid ? { gtid } : { file, position: pos })) return true;
        await new Promise((res) => setTimeout(res, 250));
      }
      return false;
    });
    try {
      if (!reached) throw new Error(`The replica did not reach ${file}:${pos} within 30 s; the checksum was not compared.`);
      for (const t of sample) {
        const [a] = await src.query<{ n: number; h: number }[]>(rowHashQuery(t));
        const [b] = await ctx.read<{ n: number; h: number }[]>("target", rowHashQuery(t));
        const same = Number(a.n) === Number(b.n) && String(a.h) === String(b.h);
        ctx.log({ text: `${same ? "MATCH" : "DIFFERS"} ${t.schema}.${t.name}: ${a.n} rows on the source, ${b.n} on the replica`, error: same ? undefined : "checksum differs" });
        if (!same) throw new Error(`${t.schema}.${t.name} differs between source and replica at ${file}:${pos}.`);
      }
    } finally {
      await src.query("COMMIT").catch(() => {});
      await ctx.exec("target", startReplicaStatement(ctx.target.version));
    }
  });
}
