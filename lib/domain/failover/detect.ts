// Holistic dead-source analysis (orchestrator's DeadMaster): replscope's view of the source plus its replicas' view.
import type { ChannelView, ServerStatus } from "../server-status";

/** A server as the analysis needs it (the registry row with its latest status). */
export interface DetectServer {
  id: string;
  name: string;
  host: string;
  port: number;
  status: ServerStatus | null;
}

/** The verdict on one source that replscope cannot reach. */
export type SourceVerdict =
  | { code: "DeadSource"; sourceId: string; confirmedBy: string[]; unreachablePolls: number }
  | { code: "DeadSourceAndSomeReplicas"; sourceId: string; confirmedBy: string[]; unreachableReplicas: string[]; unreachablePolls: number }
  | { code: "UnreachableSource"; sourceId: string; stillReceiving: string[]; unreachablePolls: number }
  | { code: "SuspectSource"; sourceId: string; confirmedBy: string[]; unreachablePolls: number };

/** Polls a source must have failed before it is called dead. */
export const DEAD_AFTER_POLLS = 2;

/** True when the channel replicates from `s` (host:port, else the server_id the source last reported). */
export function channelFrom(c: Pick<ChannelView, "sourceHost" | "sourcePort" | "sourceServerId">, s: DetectServer): boolean {
  if (c.sourceHost.toLowerCase() === s.host.toLowerCase() && c.sourcePort === s.port) return true;
  return c.sourceServerId !== null && c.sourceServerId > 0 && c.sourceServerId === s.status?.facts?.serverId;
}

/** True when a replica's receiver is not connected: connecting, or stopped with a connection error. */
export const receiverDown = (c: Pick<ChannelView, "ioThread" | "lastIoErrno">) => c.ioThread === "connecting" || (c.ioThread === "stopped" && c.lastIoErrno !== 0);

/** The registered replicas of `source` (their latest status has a channel from it). */
export function replicasOf<T extends DetectServer>(servers: T[], source: DetectServer): T[] {
  return servers.filter((s) => s.id !== source.id && s.status?.channels.some((c) => channelFrom(c, source)));
}

/** Judges one unreachable source from its replicas; null when it is reachable or has no registered replica. */
export function judgeSource(servers: DetectServer[], source: DetectServer): SourceVerdict | null {
  return source.status?.state === "unreachable" ? judgeFrom(replicasOf(servers, source), source) : null;
}

/** The verdict on an unreachable source given its registered replicas. */
function judgeFrom(replicas: DetectServer[], source: DetectServer): SourceVerdict | null {
  if (!replicas.length || !source.status) return null;
  const polls = source.status.unreachablePolls ?? 1;
  const reachable = replicas.filter((r) => r.status!.state !== "unreachable");
  const gone = replicas.filter((r) => r.status!.state === "unreachable").map((r) => r.name);
  const channel = (r: DetectServer) => r.status!.channels.find((c) => channelFrom(c, source))!;
  const receiving = reachable.filter((r) => !receiverDown(channel(r))).map((r) => r.name);
  const confirmedBy = reachable.filter((r) => receiverDown(channel(r))).map((r) => r.name);
  if (receiving.length) return { code: "UnreachableSource", sourceId: source.id, stillReceiving: receiving, unreachablePolls: polls };
  if (!confirmedBy.length) return null;
  if (polls < DEAD_AFTER_POLLS) return { code: "SuspectSource", sourceId: source.id, confirmedBy, unreachablePolls: polls };
  if (gone.length) return { code: "DeadSourceAndSomeReplicas", sourceId: source.id, confirmedBy, unreachableReplicas: gone, unreachablePolls: polls };
  return { code: "DeadSource", sourceId: source.id, confirmedBy, unreachablePolls: polls };
}

const addressKey = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

/** Positions in a server list under keys; each position once per key, in list order. */
type Positions<K> = Map<K, number[]>;
function put<K>(m: Positions<K>, k: K, i: number) {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The servers (in list order) at `positions` that pass `keep`. */
function pick<T>(servers: T[], positions: (number[] | undefined)[], keep: (s: T) => boolean): T[] {
  const at = [...new Set(positions.flatMap((p) => p ?? []))].sort((a, b) => a - b);
  return at.map((i) => servers[i]).filter(keep);
}

/** Every unreachable source's verdict, by source id (replicas found through an index of where channels point: linear in servers). */
export function judgeSources(servers: DetectServer[]): Map<string, SourceVerdict> {
  const byAddress: Positions<string> = new Map();
  const byServerId: Positions<number> = new Map();
  servers.forEach((s, i) => {
    for (const c of s.status?.channels ?? []) {
      put(byAddress, addressKey(c.sourceHost, c.sourcePort), i);
      if (c.sourceServerId !== null && c.sourceServerId > 0) put(byServerId, c.sourceServerId, i);
    }
  });
  const out = new Map<string, SourceVerdict>();
  for (const s of servers) {
    if (s.status?.state !== "unreachable") continue;
    const id = s.status.facts?.serverId;
    const near = [byAddress.get(addressKey(s.host, s.port)), id ? byServerId.get(id) : undefined];
    const v = judgeFrom(pick(servers, near, (r) => r.id !== s.id && !!r.status?.channels.some((c) => channelFrom(c, s))), s);
    if (v) out.set(s.id, v);
  }
  return out;
}

/** True when the verdict allows a failover (the source is dead as far as replscope and its replicas can tell). */
export const failoverAllowed = (v: SourceVerdict | null | undefined) => v?.code === "DeadSource" || v?.code === "DeadSourceAndSomeReplicas";
