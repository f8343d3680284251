// Whether a server reached the state an operation aimed at, and a one-line description of where it stands.
import type { NodeView, Plan } from "./types";

/** The channel an outcome is judged on: the named one, else the first. */
const pick = (n: NodeView, channel?: string) => (channel === undefined ? n.channels[0] : n.channels.find((c) => c.channel === channel));

/** True when the node is in the plan's expected state (a stopped applier with an error never counts as settled). */
export function reached(expect: Plan["expect"], n: NodeView, channel?: string): boolean {
  const ch = pick(n, channel);
  const io = ch?.ioThread === "running";
  const sql = ch?.sqlThread === "running";
  switch (expect) {
    case "read_only": return n.facts.readOnly;
    case "writable": return !n.facts.readOnly && !n.facts.superReadOnly;
    case "running": return io && sql;
    case "io_running": return io;
    case "sql_running": return sql;
    case "stopped": return !!ch && ch.ioThread === "stopped" && !sql;
    case "io_stopped": return !!ch && ch.ioThread === "stopped";
    case "sql_stopped": return !!ch && !sql;
  }
}

/** True when waiting longer cannot help (a thread stopped on an error). */
export function failedFor(expect: Plan["expect"], n: NodeView, channel?: string): boolean {
  const ch = pick(n, channel);
  if (!ch || !["running", "io_running", "sql_running"].includes(expect)) return false;
  return (ch.sqlThread === "stopped" && ch.lastSqlErrno > 0 && expect !== "io_running") || (ch.ioThread === "stopped" && ch.lastIoErrno > 0 && expect !== "sql_running");
}

/** "IO running, SQL stopped (error 1062: …), lag 3 s, read-only" — where a server stands now. */
export function describeNow(n: NodeView): string {
  const parts = n.channels.map((ch) => {
    const name = n.channels.length > 1 ? `channel "${ch.channel}": ` : "";
    const err = [ch.lastIoErrno ? `IO error ${ch.lastIoErrno}: ${ch.lastIoError}` : "", ch.lastSqlErrno ? `SQL error ${ch.lastSqlErrno}: ${ch.lastSqlError}` : ""].filter(Boolean).join("; ");
    return `${name}replicating from ${ch.sourceHost}:${ch.sourcePort}, IO ${ch.ioThread}, SQL ${ch.sqlThread}${ch.secondsBehind !== null ? `, lag ${ch.secondsBehind} s` : ""}${err ? ` (${err})` : ""}`;
  });
  if (!parts.length) parts.push("not replicating");
  parts.push(n.facts.readOnly ? "read-only" : "writable");
  return parts.join("; ");
}
