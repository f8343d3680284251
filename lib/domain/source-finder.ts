// Which registered server a replication channel points at, through an index built once per server list (pure).
import type { ServerStatus } from "./server-status";

/** A registered server as source lookup needs it. */
export interface SourceCandidate {
  host: string;
  port: number;
  status: ServerStatus | null;
}

const key = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

/** What identifies a channel's source: its host and port, else its server_uuid, else its server_id. */
export interface SourceRef {
  sourceHost: string;
  sourcePort: number;
  sourceServerId: number | null;
  sourceUuid?: string | null;
}

/**
 * Indexes servers once so each channel's source is found in constant time (a linear scan per channel made problem
 * detection quadratic: seconds per sweep at 10,000 servers). Same answer as scanning: the first matching server.
 */
export function sourceFinder<T extends SourceCandidate>(servers: T[]): (channel: SourceRef) => T | undefined {
  const byKey = new Map<string, T>();
  const byUuid = new Map<string, T>();
  const byServerId = new Map<number, T>();
  const byServerIdPort = new Map<string, T>();
  const first = <K>(m: Map<K, T>, k: K, s: T) => void (m.has(k) || m.set(k, s));
  for (const s of servers) {
    first(byKey, key(s.host, s.port), s);
    const f = s.status?.facts;
    if (f?.serverUuid) first(byUuid, f.serverUuid, s);
    if (f?.serverId) {
      first(byServerId, f.serverId, s);
      first(byServerIdPort, `${f.serverId}/${s.port}`, s);
    }
  }
  return (c) =>
    byKey.get(key(c.sourceHost, c.sourcePort)) ??
    (c.sourceUuid ? byUuid.get(c.sourceUuid) : undefined) ??
    (c.sourceServerId ? (c.sourcePort ? byServerIdPort.get(`${c.sourceServerId}/${c.sourcePort}`) : byServerId.get(c.sourceServerId)) : undefined);
}

