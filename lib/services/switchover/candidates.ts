// Who could take over from a source: its registered replicas, read live and scored.
import "server-only";
import { findServer } from "@/lib/data/servers";
import { replicatesFrom } from "@/lib/domain/operations/repoint";
import type { NodeView } from "@/lib/domain/operations/types";
import { assessCandidate, type Readiness } from "@/lib/domain/switchover/readiness";
import { type Live, loadLive } from "../live-server";
import { snapshotNode } from "../operations/node";
import { topologyPeers } from "../status";

/** A source with its registered replicas, all read just now. */
export interface SourceGroup {
  source: { live: Live; node: NodeView };
  replicas: { live: Live; node: NodeView }[];
  /** Peers that could not be read (they are left out of the switchover). */
  unreadable: { name: string; error: string }[];
}

/** Reads every registered server of the source's topology, then the source (read last, so it is never behind them). */
export async function readSourceGroup(sourceId: string): Promise<SourceGroup> {
  const record = await findServer(sourceId);
  if (!record) throw new Error("No such server.");
  const peers: SourceGroup["replicas"] = [];
  const unreadable: SourceGroup["unreadable"] = [];
  const read = async (peer: { id: string; name: string }) => {
    try {
      const l = await loadLive(peer.id);
      peers.push({ live: l, node: await snapshotNode(l) });
    } catch (e) {
      unreadable.push({ name: peer.name, error: (e as Error).message });
    }
  };
  await Promise.all((await topologyPeers(sourceId)).map(read));
  const live = await loadLive(sourceId);
  const node = await snapshotNode(live);
  return { source: { live, node }, replicas: peers.filter((p) => p.node.channels.some((c) => replicatesFrom(c, node))), unreadable };
}

/** Readiness of each replica as the new source, best first. */
export function rankCandidates(g: SourceGroup): Readiness[] {
  return g.replicas
    .map((c) => assessCandidate(g.source.node, c.node, g.replicas.filter((r) => r !== c).map((r) => r.node)))
    .sort((a, b) => Number(b.ready) - Number(a.ready) || b.score - a.score || a.candidateName.localeCompare(b.candidateName));
}
