// Dump-and-load copy: consistent coordinates, the dump streamed straight into the target, progress, cancel,
// and the source lock (when one is taken) released on every path. When one side of the pipe dies, so does the other.
import "server-only";
import { spawn } from "node:child_process";
import { type DumpCoordinates, DumpScanner } from "@/lib/domain/bootstrap/dump-scan";
import type { Connection } from "mysql2/promise";
import { type ServerVersion, sourceDataFlag } from "@/lib/domain/dialect";
import { toolPluginHint } from "@/lib/domain/password-exchange";
import { openConnection, type ServerTarget } from "./connection";
import type { Queryable } from "./query";
import { readSourceStatus } from "./replication";
import { copyTools, privateTempDir, writeOptionFile } from "./tools";

/** Live progress of a copy. */
export interface CopyProgress {
  bytes: number;
  tablesDone: number;
  tablesTotal: number;
  currentTable: string | null;
  elapsedMs: number;
}

/** What to copy and how. `lock`: the classic FLUSH TABLES WITH READ LOCK for the whole dump (non-transactional tables). */
export interface CopyOptions {
  source: ServerTarget;
  sourceVersion: ServerVersion;
  target: ServerTarget;
  lock: boolean;
  signal?: AbortSignal;
  onProgress?: (p: CopyProgress) => void;
}

/** Counts the user tables the dump will go through (for the progress bar). */
export const USER_TABLES_QUERY = "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN ('information_schema','performance_schema','sys')";

function pipeDump(o: CopyOptions, dumpArgs: string[], progress: CopyProgress, scanner: DumpScanner, started: number): Promise<void> {
  const { dump, client } = copyTools();
  const tmp = privateTempDir();
  const src = writeOptionFile(tmp.dir, "source", o.source);
  const dst = writeOptionFile(tmp.dir, "target", o.target);
  const dumper = spawn(dump, [`--defaults-file=${src}`, "--all-databases", "--routines", "--events", "--triggers", "--hex-blob", ...dumpArgs], { stdio: ["ignore", "pipe", "pipe"] });
  const loader = spawn(client, [`--defaults-file=${dst}`, "--init-command=SET SESSION sql_log_bin=0", "--binary-mode"], { stdio: ["pipe", "ignore", "pipe"] });
  const errors: string[] = [];
  dumper.stderr.on("data", (d) => errors.push(`dump: ${d}`));
  loader.stderr.on("data", (d) => errors.push(`load: ${d}`));
  loader.stdin.on("error", () => {});
  dumper.stdout.on("data", (chunk: Buffer) => {
    progress.bytes += chunk.length;
    scanner.push(chunk);
    progress.tablesDone = Math.max(0, scanner.tablesStarted - 1);
    progress.currentTable = scanner.currentTable;
    progress.elapsedMs = Date.now() - started;
    o.onProgress?.({ ...progress });
  });
  dumper.stdout.pipe(loader.stdin);
  const kill = () => [dumper, loader].forEach((p) => p.kill("SIGKILL"));
  o.signal?.addEventListener("abort", kill, { once: true });
  loader.once("close", () => dumper.exitCode === null && dumper.kill("SIGKILL"));
  dumper.once("close", (code) => code !== 0 && loader.kill("SIGKILL"));
  const exit = (p: typeof dumper | typeof loader) => new Promise<number | null>((r) => p.once("close", (code) => r(code)));
  return Promise.all([exit(dumper), exit(loader)]).then(([d, l]) => {
    o.signal?.removeEventListener("abort", kill);
    tmp.remove();
    if (o.signal?.aborted) throw new Error("Copy cancelled: the dump and the load were stopped.");
    const hint = toolPluginHint(errors.join(""));
    if (d !== 0 || l !== 0) throw new Error(`Copy failed (dump exit ${d}, load exit ${l}): ${errors.join("").trim().slice(-800) || "no message"}${hint ? ` ${hint}` : ""}`);
    if (loader.exitCode === 0) progress.tablesDone = progress.tablesTotal;
  });
}

/** The lock connection as a reader (no query timeout: FLUSH TABLES WITH READ LOCK may wait for long statements). */
const rowsOf = (c: Connection): Queryable => ({ query: async <T>(sql: string) => (await c.query(sql))[0] as T });

/** Copies every database from source to target; resolves with the binlog coordinates the target must start from. */
export async function copyData(o: CopyOptions): Promise<DumpCoordinates> {
  const started = Date.now();
  const lock = await openConnection(o.source, 5000);
  lock.on("error", () => {});
  const scanner = new DumpScanner();
  try {
    const [[{ n }]] = (await lock.query(USER_TABLES_QUERY)) as unknown as [{ n: number }[]];
    const progress: CopyProgress = { bytes: 0, tablesDone: 0, tablesTotal: Number(n), currentTable: null, elapsedMs: 0 };
    if (!o.lock) {
      await pipeDump(o, ["--single-transaction", sourceDataFlag(o.sourceVersion)], progress, scanner, started);
      if (!scanner.coordinates) throw new Error("The dump carried no binlog coordinates (is log_bin on on the source?)");
      return scanner.coordinates;
    }
    await lock.query("FLUSH TABLES WITH READ LOCK");
    const at = await readSourceStatus(rowsOf(lock), o.sourceVersion);
    if (!at) throw new Error("The source has no binary log (log_bin is off): there are no coordinates to start from.");
    await pipeDump(o, ["--skip-lock-tables"], progress, scanner, started);
    return { file: at.file, position: at.position };
  } finally {
    await lock.query("UNLOCK TABLES").catch(() => {});
    lock.destroy();
  }
}
