// The failover problem codes for findProblems: dead / unreachable sources, returned former sources, errant GTIDs (pure).
import type { Problem, ServerForProblems } from "../problems";
import { judgeSources } from "./detect";
import { sourceFinder } from "../source-finder";
import { errantByOrigin, errantText } from "./errant";

/** The old source of a finished failover that has not been rejoined yet. */
export interface FormerSource {
  serverId: string;
  failoverId: string;
  newSourceName: string;
}

type Add = (id: string, p: Problem) => void;

/** Adds DeadSource / DeadSourceAndSomeReplicas / UnreachableSource on unreachable sources. */
function deadSources(servers: ServerForProblems[], add: Add) {
  for (const v of judgeSources(servers).values()) {
    if (v.code === "DeadSource")
      add(v.sourceId, { code: "DeadSource", severity: "critical", detail: { confirmedBy: v.confirmedBy, unreachablePolls: v.unreachablePolls }, message: `Dead source: replscope has not reached it for ${v.unreachablePolls} polls and none of its replicas can (${v.confirmedBy.join(", ")}). A failover is possible.` });
    else if (v.code === "DeadSourceAndSomeReplicas")
      add(v.sourceId, { code: "DeadSourceAndSomeReplicas", severity: "critical", detail: { confirmedBy: v.confirmedBy, unreachableReplicas: v.unreachableReplicas, unreachablePolls: v.unreachablePolls }, message: `Dead source, and replicas ${v.unreachableReplicas.join(", ")} are unreachable too; ${v.confirmedBy.join(", ")} cannot reach it either. A failover is possible among the replicas that answer.` });
    else if (v.code === "UnreachableSource")
      add(v.sourceId, { code: "UnreachableSource", severity: "warning", detail: { stillReceiving: v.stillReceiving }, message: `replscope cannot reach this source, but ${v.stillReceiving.join(", ")} still receive from it: a problem between replscope and the source (network, firewall, account), not a failover case.` });
  }
}

/** Adds FormerSourceReturned on an old source that answers again. */
function formerSources(servers: ServerForProblems[], former: FormerSource[], add: Add) {
  const byId = new Map(servers.map((s) => [s.id, s]));
  for (const f of former) {
    const s = byId.get(f.serverId);
    if (!s?.status || s.status.state === "unreachable") continue;
    const ro = s.status.facts?.readOnly;
    add(s.id, { code: "FormerSourceReturned", severity: "critical", detail: { failoverId: f.failoverId, readOnly: ro ?? null }, message: `The former source is back after the failover to ${f.newSourceName}; it is ${ro ? "read-only (fenced)" : "WRITABLE: applications still pointing at it split the data"}. Rejoin it as a replica, or rebuild it.` });
  }
}

/** Adds ErrantTransactions on replicas that executed GTIDs their (reachable) source lacks. */
function errantReplicas(servers: ServerForProblems[], add: Add) {
  const sourceOf = sourceFinder(servers);
  for (const r of servers) {
    const f = r.status?.facts;
    if (!f || r.status!.state === "unreachable" || r.status!.channels.length !== 1) continue;
    const src = sourceOf(r.status!.channels[0]);
    const sf = src?.status?.facts;
    if (!src || !sf || src.status!.state === "unreachable" || !sf.gtidExecuted) continue;
    const errant = errantByOrigin(f.gtidExecuted, sf.gtidExecuted, { uuid: sf.serverUuid, serverId: sf.serverId });
    if (!errant.length) continue;
    const origins = errant.map((e) => `${e.gtids} (${e.origin}${e.serverId === f.serverId || (e.uuid && e.uuid === f.serverUuid?.toLowerCase()) ? ", written on this replica" : ""})`);
    add(r.id, { code: "ErrantTransactions", severity: "warning", detail: { errant }, message: `Executed transactions its source ${src.name} does not have: ${origins.join("; ")}. They would be lost or conflict at the next failover (${errantText(errant)}).` });
  }
}

/** Every failover-related problem, added through `add`. */
export function failoverProblems(servers: ServerForProblems[], former: FormerSource[], add: Add): void {
  deadSources(servers, add);
  formerSources(servers, former, add);
  errantReplicas(servers, add);
}
