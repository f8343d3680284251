// The poller's hot write path on SQLite: one synchronous transaction on a connection of its own, with prepared statements.
import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/config/env";
import { FENCE_SQL, type Term } from "./fence-sql";
import { insertRowsSql, upsertRowsSql } from "./sql-dialect";

/** Columns written, in order (the same rows saveSweep writes through Prisma). */
export const STATE_COLUMNS = ["serverId", "state", "lagSeconds", "lagSource", "snapshot", "checkedAt", "reachedAt", "stateSince"] as const;
export const SAMPLE_COLUMNS = ["serverId", "channel", "at", "lagSeconds", "source"] as const;

type Row<C extends readonly string[]> = { [K in C[number]]?: unknown };

/**
 * Prisma's raw-query path costs ~0.1 ms of CPU per server (parameters travel as JSON through the query compiler),
 * ~1 s per sweep at 10,000 servers; better-sqlite3's prepared statements write the same rows in a fifth of that.
 * It never waits for a lock (busy timeout 0): while Prisma's connection holds a write transaction across awaits the
 * write reports "busy" and the caller takes the Prisma path, which queues behind it instead of blocking the event loop.
 */
class SweepWriter {
  private db = new Database(env().sqliteFile, { timeout: 0 });
  private upsert = this.db.prepare(upsertRowsSql("sqlite", "ServerState", STATE_COLUMNS, 1));
  private sample = this.db.prepare(insertRowsSql("sqlite", "LagSample", SAMPLE_COLUMNS, 1));
  private fence = this.db.prepare(FENCE_SQL);
  private write = this.db.transaction((states: Row<typeof STATE_COLUMNS>[], samples: Row<typeof SAMPLE_COLUMNS>[], term?: Term) => {
    if (term) this.fence.run(term.holder, term.epoch);
    for (const s of states) this.upsert.run(STATE_COLUMNS.map((c) => s[c] ?? null));
    for (const s of samples) this.sample.run(SAMPLE_COLUMNS.map((c) => s[c] ?? null));
  });

  /**
   * Writes all rows in one transaction, behind the leader fence when `term` is given: "fenced" (nothing written) when
   * a newer leader exists, "busy" (nothing written) when the database is busy or refuses.
   */
  save(states: Row<typeof STATE_COLUMNS>[], samples: Row<typeof SAMPLE_COLUMNS>[], term?: Term): "ok" | "busy" | "fenced" {
    try {
      this.write(states, samples, term);
      return "ok";
    } catch (e) {
      return term && /LeaseFence|UNIQUE/i.test(String((e as Error)?.message)) ? "fenced" : "busy";
    }
  }
}

const g = globalThis as unknown as { replscopeSweepWriter?: SweepWriter };

/** The process's sweep writer (opened on first use, after db() applied the migrations). */
export function sweepWriter(): SweepWriter {
  g.replscopeSweepWriter ??= new SweepWriter();
  return g.replscopeSweepWriter;
}
