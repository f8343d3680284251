// Undo of an aborted run: reset the half-configured replica, drop the user we created; say what stays.
import "server-only";
import type { Caller } from "@/lib/domain/auth";
import type { RunRecord } from "@/lib/data/bootstrap";
import { findServer } from "@/lib/data/servers";
import { dropUserStatement } from "@/lib/domain/bootstrap/statements";
import { resetReplicaStatements } from "@/lib/domain/dialect";
import { executors, loadRunServer, type LogLine } from "./context";

/** Undoes what the run did that can be undone; lists the rest in plain words. */
export async function undoRun(run: RunRecord, caller: Caller): Promise<{ undone: string[]; notUndone: string[] }> {
  const undone: string[] = [];
  const notUndone: string[] = [];
  const log: LogLine[] = [];
  let sides;
  try {
    sides = { source: await loadRunServer(await findServer(run.sourceId), "source"), target: await loadRunServer(await findServer(run.targetId), "target") };
  } catch (e) {
    return { undone, notUndone: [`Could not connect to undo anything: ${(e as Error).message}`] };
  }
  const ex = executors(run, sides, [sides.source.target.password, sides.target.target.password], (l) => log.push({ at: new Date().toISOString(), ...l }), caller);
  if (run.undo.pointed) {
    try {
      for (const sql of resetReplicaStatements(sides.target.version)) await ex.exec("target", sql);
      undone.push(`Replication configuration removed from ${sides.target.record.name}.`);
    } catch (e) {
      notUndone.push(`Could not reset replication on ${sides.target.record.name}: ${(e as Error).message}`);
    }
  }
  const user = run.undo.createdUser as { user: string; host: string } | undefined;
  if (user) {
    try {
      await ex.exec("source", dropUserStatement(user.user, user.host));
      undone.push(`Replication user ${user.user}@${user.host} dropped from ${sides.source.record.name}.`);
    } catch (e) {
      notUndone.push(`Could not drop ${user.user}@${user.host} on ${sides.source.record.name}: ${(e as Error).message}`);
    }
  }
  if (run.undo.copyStarted) notUndone.push(`The data copied onto ${sides.target.record.name} stays there; drop those databases by hand if the server should be empty again.`);
  return { undone, notUndone };
}
