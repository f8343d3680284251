// Which registered servers a replica may be repointed to: its topology, minus itself, its source and what hangs below it.
import { clusterOf, type ServerForProblems, sourceFinder } from "../problems";

/** Ids of the registered servers that replicate from `id`, directly or through others (a repoint to one would make a loop). */
export function downstreamOf(servers: ServerForProblems[], id: string): Set<string> {
  const replicasOf = new Map<string, string[]>();
  const findSource = sourceFinder(servers);
  for (const s of servers)
    for (const c of s.status?.channels ?? []) {
      const src = findSource(c)?.id;
      if (src) replicasOf.set(src, [...(replicasOf.get(src) ?? []), s.id]);
    }
  const below = new Set<string>();
  const queue = [id];
  while (queue.length) {
    for (const r of replicasOf.get(queue.pop()!) ?? []) {
      if (r === id || below.has(r)) continue;
      below.add(r);
      queue.push(r);
    }
  }
  return below;
}

/** The servers `id` may be repointed to: same topology, not itself, not its current source(s), not downstream of it; by name. */
export function repointTargets(servers: ServerForProblems[], id: string): ServerForProblems[] {
  const me = servers.find((s) => s.id === id);
  if (!me) return [];
  const cluster = clusterOf(servers);
  const findSource = sourceFinder(servers);
  const sources = new Set((me.status?.channels ?? []).map((c) => findSource(c)?.id));
  const below = downstreamOf(servers, id);
  return servers
    .filter((s) => s.id !== id && cluster.get(s.id) === cluster.get(id) && !sources.has(s.id) && !below.has(s.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}
