// A consistent snapshot at a known binlog position: the global read lock is held only while the position is read.
import "server-only";
import type { ServerVersion } from "@/lib/domain/dialect";
import type { Queryable } from "./query";
import { readGtidPosition, readSourceStatus } from "./replication";

/** Where a snapshot stands on the source. */
export interface SnapshotAt {
  file: string;
  position: number;
  /** The GTID position too, when asked for ("" otherwise). */
  gtid: string;
}

/** Starts a consistent-snapshot transaction on `c` and returns its coordinates; the read lock is released before returning. */
export async function openSnapshot(c: Queryable, v: ServerVersion, withGtid: boolean): Promise<SnapshotAt> {
  await c.query("FLUSH TABLES WITH READ LOCK");
  try {
    await c.query("START TRANSACTION WITH CONSISTENT SNAPSHOT");
    const at = await readSourceStatus(c, v);
    if (!at) throw new Error("The source has no binary log (log_bin is off): there is no position to compare at.");
    return { file: at.file, position: at.position, gtid: withGtid ? await readGtidPosition(c, v) : "" };
  } finally {
    await c.query("UNLOCK TABLES");
  }
}

/** Ends the snapshot transaction (never throws: the connection may be gone). */
export const closeSnapshot = (c: Queryable) => c.query("COMMIT").then(() => undefined, () => undefined);
