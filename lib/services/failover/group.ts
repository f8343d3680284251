// A dead source's group: its verdict from the stored polls, its last-known state, its replicas read live and ranked.
import "server-only";
import { listServers, type ServerRecord } from "@/lib/data/servers";
import { latestStatuses } from "@/lib/data/status";
import { versionOf } from "@/lib/domain/dialect";
import { assessFailoverCandidate, type DeadSourceView, type FailoverCandidate, rankFailoverCandidates } from "@/lib/domain/failover/candidates";
import { judgeSource, replicasOf, type SourceVerdict } from "@/lib/domain/failover/detect";
import type { NodeView } from "@/lib/domain/operations/types";
import type { ServerStatus } from "@/lib/domain/server-status";
import { type Live, loadLive } from "../live-server";
import { snapshotNode } from "../operations/node";

/** The dead source's group as the failover page and the run read it. */
export interface DeadGroup {
  source: ServerRecord;
  dead: DeadSourceView;
  status: ServerStatus | null;
  verdict: SourceVerdict | null;
  replicas: { live: Live; node: NodeView }[];
  unreadable: { id: string; name: string; error: string }[];
  candidates: FailoverCandidate[];
}

/** The registry with the latest statuses, as detection needs it. */
export async function registryStatuses(): Promise<{ servers: (ServerRecord & { status: ServerStatus | null })[] }> {
  const [servers, statuses] = await Promise.all([listServers(), latestStatuses()]);
  return { servers: servers.map((s) => ({ ...s, status: statuses.get(s.id) ?? null })) };
}

/** The source as replscope last saw it. */
export function deadView(source: ServerRecord, status: ServerStatus | null): DeadSourceView {
  const version = versionOf(source);
  if (!version) throw new Error(`${source.name}'s version is unknown: replscope never reached it.`);
  return { id: source.id, name: source.name, host: source.host, port: source.port, version, facts: status?.facts ?? null };
}

/** Reads the source's verdict (stored polls) and its registered replicas live, ranked as candidates. */
export async function readDeadGroup(sourceId: string): Promise<DeadGroup> {
  const { servers } = await registryStatuses();
  const source = servers.find((s) => s.id === sourceId);
  if (!source) throw new Error("No such server.");
  const dead = deadView(source, source.status);
  const replicas: DeadGroup["replicas"] = [];
  const unreadable: DeadGroup["unreadable"] = [];
  await Promise.all(
    replicasOf(servers, source).map(async (r) => {
      try {
        const live = await loadLive(r.id);
        replicas.push({ live, node: await snapshotNode(live) });
      } catch (e) {
        unreadable.push({ id: r.id, name: r.name, error: (e as Error).message });
      }
    }),
  );
  replicas.sort((a, b) => a.node.name.localeCompare(b.node.name));
  const candidates = rankFailoverCandidates(replicas.map((c) => assessFailoverCandidate(dead, c.node, replicas.filter((o) => o !== c).map((o) => o.node), c.live.record.promotionRule)));
  return { source, dead, status: source.status, verdict: judgeSource(servers, source), replicas, unreadable, candidates };
}
