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

/** A lookup giving, like `servers.find((s) => s.id !== exceptId && channelFrom(c, s))`, the first such server, from
 * indexes built once (by host:port and by server_id): linear where one find per replica was quadratic. */
export function channelSourceFinder<T extends DetectServer>(servers: T[]): (c: Pick<ChannelView, "sourceHost" | "sourcePort" | "sourceServerId">, exceptId: string) => T | undefined {
  const byAddress = new Map<string, number[]>();
  const byServerId = new Map<number, number[]>();
  const push = <K>(m: Map<K, number[]>, k: K, i: number) => { const l = m.get(k); if (l) l.push(i); else m.set(k, [i]); };
  servers.forEach((s, i) => {
    push(byAddress, `${s.host.toLowerCase()}:${s.port}`, i);
    const id = s.status?.facts?.serverId;
    if (id) push(byServerId, id, i);
  });
  return (c, exceptId) => {
    const byId = c.sourceServerId !== null && c.sourceServerId > 0 ? (byServerId.get(c.sourceServerId) ?? []) : [];
    const first = [...(byAddress.get(`${c.sourceHost.toLowerCase()}:${c.sourcePort}`) ?? []), ...byId].filter((i) => servers[i].id !== exceptId).sort((a, b) => a - b)[0];
    return first === undefined ? undefined : servers[first];
  };
}

/** True when a replica's receiver is not connected: connecting, or stopped with a connection error. */
export const receiverDown = (c: Pick<ChannelView, "ioThread" | "lastIoErrno">) => c.ioThread === "connecting" || (c.ioThread === "stopped" && c.lastIoErrno !== 0);

/** The registered replicas of `source` (their latest status has a channel from it). */
export function replicasOf<T extends DetectServer>(servers: T[], source: DetectServer): T[] {
  return servers.filter((s) => s.id !== source.id && s.status?.channels.some((c) => channelFrom(c, source)));
}

/** Judges one unreachable source from its replicas; null when it is reachable or has no registered replica. */
export function judgeSource(servers: DetectServer[], source: DetectServer): SourceVerdict | null {
  if (source.status?.state !== "unreachable") return null;
  const replicas = replicasOf(servers, source);
  if (!replicas.length) return null;
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

/** Every unreachable source's verdict, by source id. */
export function judgeSources(servers: DetectServer[]): Map<string, SourceVerdict> {
  const out = new Map<string, SourceVerdict>();
  for (const s of servers) {
    const v = judgeSource(servers, s);
    if (v) out.set(s.id, v);
  }
  return out;
}

/** True when the verdict allows a failover (the source is dead as far as replscope and its replicas can tell). */
export const failoverAllowed = (v: SourceVerdict | null | undefined) => v?.code === "DeadSource" || v?.code === "DeadSourceAndSomeReplicas";
