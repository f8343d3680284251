// Repointing a replica to another server of its topology: by GTID when possible, by coordinates only when provably safe.
import { changeSourceStatement, gtidEnabled, gtidIsPosition, namesConnections, sameFamily, type StartPosition, threadStatement } from "../dialect";
import type { ChannelStatus } from "../replica-status";
import { gtidSubtract, mariaAhead, parseMariaPos } from "./gtid";
import { pickChannel } from "./threads";
import type { NodeView, PlanResult } from "./types";

/** True when the channel replicates from `node` (host:port, else server_id). */
export function replicatesFrom(ch: ChannelStatus, node: Pick<NodeView, "host" | "port" | "facts">): boolean {
  if (ch.sourceHost.toLowerCase() === node.host.toLowerCase() && ch.sourcePort === node.port) return true;
  return ch.sourceServerId !== null && ch.sourceServerId === node.facts.serverId && ch.sourceServerId > 0;
}

/** Whether the replica can position by GTID on the target, or why not. */
function gtidReady(r: NodeView, ch: ChannelStatus, t: NodeView, s: NodeView | null): true | string {
  if (!sameFamily(r.version, t.version)) return "the two servers are of different families (MySQL and MariaDB GTIDs differ)";
  if (gtidIsPosition(r.version)) {
    if (!ch.gtidSlavePos) return `${r.name} has no GTID position (gtid_slave_pos is empty)`;
    const ahead = mariaAhead(channelDomains(r, ch, s), t.facts.gtidExecuted);
    return ahead.length ? `${t.name} has not yet got what ${r.name} already applied (${ahead.join(", ")}): wait until it catches up` : true;
  }
  if (r.facts.gtidMode.toUpperCase() !== "ON" || t.facts.gtidMode.toUpperCase() !== "ON") return "gtid_mode is not ON on both servers";
  const missing = gtidSubtract(ch.executedGtidSet || r.facts.gtidExecuted, t.facts.gtidExecuted);
  return missing ? `${t.name} lacks transactions ${r.name} has (${missing}): wait until it catches up, or they are errant` : true;
}

/**
 * The part of gtid_slave_pos (shared by every named connection) that this channel is responsible for: with several
 * connections, only the domains this one received (Gtid_IO_Pos) or its current source has; the other sources' domains are not the target's business.
 */
function channelDomains(r: NodeView, ch: ChannelStatus, s: NodeView | null): string {
  if (r.channels.length < 2) return ch.gtidSlavePos;
  const mine = new Set([...parseMariaPos(ch.gtidIoPos).keys(), ...(s ? parseMariaPos(s.facts.gtidExecuted).keys() : [])]);
  if (!mine.size) return ch.gtidSlavePos;
  return ch.gtidSlavePos.split(",").map((x) => x.trim()).filter((x) => mine.has(Number(x.split("-")[0]))).join(",");
}

/** Without GTID: the target's coordinates equivalent to where the replica stands, or why that cannot be proven. */
function safeCoordinates(r: NodeView, ch: ChannelStatus, t: NodeView, s: NodeView | null): { file: string; position: number } | string {
  const stoppedAt = (c: ChannelStatus) => `${c.relaySourceLogFile}:${c.execSourceLogPos}`;
  const tch = t.channels.find((c) => s && replicatesFrom(c, s));
  if (tch) {
    if (ch.sqlThread === "running" || tch.sqlThread === "running" || stoppedAt(ch) !== stoppedAt(tch))
      return `without GTID, a replica moves under a sibling only when both appliers are stopped at the same position of their source (now ${r.name} ${ch.sqlThread} at ${stoppedAt(ch)}, ${t.name} ${tch.sqlThread} at ${stoppedAt(tch)}). Stop both with START … UNTIL the same coordinates first`;
    if (!t.sourceStatus) return `${t.name} has no binary log`;
    return { file: t.sourceStatus.file, position: t.sourceStatus.position };
  }
  const sch = s?.channels.find((c) => replicatesFrom(c, t));
  if (s && sch) {
    const atEnd = s.sourceStatus && ch.relaySourceLogFile === s.sourceStatus.file && ch.execSourceLogPos === s.sourceStatus.position;
    if (sch.sqlThread === "running" || ch.sqlThread === "running" || !atEnd)
      return `without GTID, a replica moves up to its source's source only when ${s.name}'s applier is stopped and ${r.name} has applied all of ${s.name}'s binary log and is stopped too (now ${s.name} ${sch.sqlThread}, ${r.name} ${ch.sqlThread} at ${stoppedAt(ch)} of ${s.sourceStatus ? `${s.sourceStatus.file}:${s.sourceStatus.position}` : "unknown"})`;
    return { file: sch.relaySourceLogFile, position: sch.execSourceLogPos ?? 0 };
  }
  return `without GTID, replscope repoints only to a sibling or to the source's source, and ${t.name} is neither`;
}

/** Plans moving replica `r` from its current source `s` to `t` (statements keep the stored replication user and password). */
export function planRepoint(r: NodeView, t: NodeView, s: NodeView | null, downstream: string[] = [], channel?: string): PlanResult {
  if (r.id === t.id) return { ok: false, refused: `A replica cannot be its own source: choose another server than ${r.name}.` };
  if (r.channels.length > 1 && !namesConnections(r.version)) return { ok: false, refused: `${r.name} has ${r.channels.length} channels: repoint a multi-source MySQL replica by hand (its executed GTID set mixes every channel's transactions).` };
  const ch = pickChannel(r, channel);
  if (typeof ch === "string") return { ok: false, refused: ch };
  const named = r.channels.length > 1 || ch.channel !== "";
  const other = r.channels.find((c) => c !== ch && replicatesFrom(c, t));
  if (other) return { ok: false, refused: `${r.name} already replicates from ${t.name} through channel "${other.channel}".` };
  if (replicatesFrom(ch, t)) return { ok: false, refused: `${r.name} already replicates from ${t.name}.` };
  if (t.channels.some((c) => replicatesFrom(c, r))) return { ok: false, refused: `${t.name} replicates from ${r.name}: pointing ${r.name} at it would make a loop.` };
  if (downstream.includes(t.id)) return { ok: false, refused: `${t.name} replicates from ${r.name} through other replicas: pointing ${r.name} at it would make a loop cut off from ${s?.name ?? "its source"}.` };
  if (!t.facts.logBin) return { ok: false, refused: `${t.name} has no binary log (log_bin is off): nothing can replicate from it.` };
  if (t.channels.length && !t.facts.logReplicaUpdates) return { ok: false, refused: `${t.name} does not write what it replicates to its binary log (log_replica_updates / log_slave_updates is off).` };
  const gtid = gtidReady(r, ch, t, s);
  let start: StartPosition;
  let how: string;
  if (gtid === true) {
    start = { kind: "gtid" };
    how = "by GTID";
  } else {
    if (gtidEnabled(r.version, r.facts.gtidMode)) return { ok: false, refused: `Cannot repoint ${r.name} to ${t.name}: ${gtid}.` };
    const at = safeCoordinates(r, ch, t, s);
    if (typeof at === "string") return { ok: false, refused: `Cannot repoint ${r.name} to ${t.name}: ${at}.` };
    start = { kind: "file", ...at };
    how = `at ${at.file}:${at.position}`;
  }
  const warnings = [`${r.name} keeps its stored replication account${ch.sourceUser ? ` (${ch.sourceUser})` : ""}: it must exist on ${t.name} with REPLICATION SLAVE.`];
  if (!t.facts.readOnly && t.channels.length) warnings.push(`${t.name} is a writable replica: local writes on it would reach ${r.name} too.`);
  return {
    ok: true,
    plan: {
      summary: `Move ${r.name}${named ? ` (channel "${ch.channel}")` : ""} from ${s?.name ?? `${ch.sourceHost}:${ch.sourcePort}`} to ${t.name} ${how}.`,
      statements: [
        threadStatement(r.version, "stop", "both", ch.channel, named),
        changeSourceStatement(r.version, { host: t.host, port: t.port, start, ...(named ? { channel: ch.channel } : {}) }),
        threadStatement(r.version, "start", "both", ch.channel, named),
      ],
      warnings,
      expect: "running",
    },
  };
}
