// Fencing a returned former source (read_only at once, unless the cluster disabled it) and rejoining it as a replica
// after the errant-GTID check.
import "server-only";
import { z } from "zod";
import { recordMutation } from "@/lib/data/audit";
import { clusterSetting } from "@/lib/data/cluster-settings";
import { findFailover, formerSourceList, saveFailover } from "@/lib/data/failover";
import { fenceStatements, gtidIsPosition, hasSuperReadOnly, startReplicaStatement } from "@/lib/domain/dialect";
import { noControlChars } from "@/lib/domain/control-chars";
import { errantByOrigin, errantText } from "@/lib/domain/failover/errant";
import type { Problem } from "@/lib/domain/problems";
import type { ServerStatus } from "@/lib/domain/server-status";
import { oldSourceStatements } from "@/lib/domain/operations/follow";
import { auditedExec, type Caller, loadLive, onServer } from "../live-server";
import { snapshotNode } from "../operations/node";
import type { Outcome } from "../servers";

const SYSTEM: Caller = { actor: "replscope", address: null };

/** True when the server still accepts writes from ordinary (and, on MySQL, privileged) accounts. */
const writable = (s: ServerStatus | null, mysqlSuper: boolean) => !!s?.facts && (!s.facts.readOnly || (mysqlSuper && s.facts.superReadOnly === false));

/** Sets every returned, writable former source read-only (clusters with fencing on); returns the names fenced. */
export async function fenceReturned(servers: { id: string; name: string; cluster: string | null; status: ServerStatus | null }[], problems: Map<string, Problem[]>): Promise<string[]> {
  const fenced: string[] = [];
  for (const s of servers) {
    if (!problems.get(s.id)?.some((p) => p.code === "FormerSourceReturned")) continue;
    const live = await loadLive(s.id).catch(() => null);
    if (!live || !writable(s.status, hasSuperReadOnly(live.version))) continue;
    if (!(await clusterSetting(s.cluster ?? s.name)).fencing) continue;
    try {
      await onServer(live, async (c) => {
        for (const sql of fenceStatements(live.version)) await auditedExec(c, live, sql, "failover.fence", SYSTEM);
      });
      fenced.push(s.name);
    } catch (e) {
      console.error(`replscope: could not fence ${s.name}:`, (e as Error).message);
    }
  }
  return fenced;
}

/** What "rejoin as a replica" takes: the replication account on the new source. */
export const rejoinInput = z.object({
  replUser: noControlChars(z.string(), "The replication user").trim().min(1, "The replication user is required").max(80),
  replPassword: noControlChars(z.string(), "The replication password").min(1, "The replication password is required").max(256),
});

/** Rejoins a former source under the new one, refused (naming them) when it has transactions the new source lacks. */
export async function rejoinFormerSource(serverId: string, raw: unknown, caller: Caller): Promise<Outcome<{ newSourceName: string }>> {
  const refuse = async (status: 400 | 404 | 409, error: string): Promise<Outcome<{ newSourceName: string }>> => {
    await recordMutation({ ...caller, action: "failover.rejoin", what: `rejoin of server ${serverId} refused`, serverId, error });
    return { ok: false, status, error };
  };
  const p = rejoinInput.safeParse(raw);
  if (!p.success) return refuse(400, p.error.issues[0].message);
  const former = (await formerSourceList()).find((f) => f.serverId === serverId);
  const run = former ? await findFailover(former.failoverId) : null;
  if (!run?.newSourceId) return refuse(404, "This server is not a former source waiting to rejoin.");
  const [old, neu] = await Promise.all([loadLive(serverId), loadLive(run.newSourceId)]);
  const [o, n] = await Promise.all([snapshotNode(old), snapshotNode(neu)]);
  // MariaDB compares with what the new source had when it was promoted (its own later writes reuse the sequence).
  const against = gtidIsPosition(neu.version) ? (run.report?.newSourceHas ?? n.facts.gtidExecuted) : n.facts.gtidExecuted;
  const errant = errantByOrigin(o.facts.gtidExecuted, against, {});
  if (errant.length) return refuse(409, `${o.name} has transactions ${n.name} lacks: ${errant.map((e) => `${e.gtids} (${e.origin})`).join("; ")}. Rejoining would lose them or break replication: rebuild ${o.name} from ${n.name} with the new-replica wizard (a fresh copy), or save what they changed by hand first (${errantText(errant)}).`);
  const to = { host: neu.record.host, port: neu.record.port, user: p.data.replUser, password: p.data.replPassword };
  await onServer(old, async (c) => {
    for (const sql of fenceStatements(old.version)) await auditedExec(c, old, sql, "failover.rejoin", caller, [p.data.replPassword]);
    for (const sql of oldSourceStatements(old.version, to, { kind: "gtid" }, o.facts.gtidExecuted)) await auditedExec(c, old, sql, "failover.rejoin", caller, [p.data.replPassword]);
    await auditedExec(c, old, startReplicaStatement(old.version), "failover.rejoin", caller);
  });
  await saveFailover(run.id, { state: { ...run.state, rejoined: true } });
  await recordMutation({ ...caller, action: "failover.rejoin", what: `${o.name} rejoined as a replica of ${n.name}`, serverId, serverName: o.name });
  return { ok: true, value: { newSourceName: n.name } };
}
