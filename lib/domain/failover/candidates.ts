// Failover candidates: readiness checks (as the switchover's), the promotion rule, and how advanced each is (pure).
import { isOlder, sameFamily, versionText } from "../dialect";
import type { NodeView } from "../operations/types";
import type { ReadinessCheck } from "../switchover/readiness";
import { type Advancement, advancementOf, compareAdvancement } from "./advance";
import { channelFrom, type DetectServer } from "./detect";
import { errantByOrigin, errantText } from "./errant";
import { type PromotionRule, ruleWeight } from "./rules";

/** The dead source as replscope last saw it (its last poll that reached it). */
export interface DeadSourceView {
  id: string;
  name: string;
  host: string;
  port: number;
  version: NodeView["version"];
  facts: NodeView["facts"] | null;
}

/** One candidate as the page and the API show it. */
export interface FailoverCandidate {
  candidateId: string;
  candidateName: string;
  score: number;
  ready: boolean;
  rule: PromotionRule;
  executedGtid: string;
  retrievedGtid: string;
  advancement: Advancement;
  delayed: boolean;
  checks: ReadinessCheck[];
}

const asDetect = (d: DeadSourceView): DetectServer => ({ id: d.id, name: d.name, host: d.host, port: d.port, status: d.facts ? ({ facts: d.facts } as DetectServer["status"]) : null });

/** The channel through which `n` replicated from the dead source, if any. */
export const channelFromDead = (n: NodeView, dead: DeadSourceView) => n.channels.find((c) => channelFrom(c, asDetect(dead)));

/** Checks one replica of the dead source as its replacement; `others` are the replicas that will follow it. */
export function assessFailoverCandidate(dead: DeadSourceView, n: NodeView, others: NodeView[], rule: PromotionRule): FailoverCandidate {
  const ch = channelFromDead(n, dead);
  const adv = ch ? advancementOf(n, ch) : { gtid: false, executed: "", retrieved: "" };
  const errant = dead.facts ? errantByOrigin(n.facts.gtidExecuted, dead.facts.gtidExecuted, { uuid: dead.facts.serverUuid, serverId: dead.facts.serverId }) : [];
  const older = others.filter((o) => isOlder(o.version, n.version)).map((o) => o.name);
  const check = (id: string, label: string, ok: boolean, detail: string, blocking = true): ReadinessCheck => ({ id, label, ok, detail, blocking });
  const checks = [
    check("replicates", `replicates from ${dead.name} only`, !!ch && n.channels.length === 1, ch ? (n.channels.length === 1 ? "one channel" : `${n.channels.length} channels`) : `not a replica of ${dead.name}`),
    check("rule", "promotion rule allows it", rule !== "must_not", rule === "must_not" ? "must_not: this server is never promoted (change it on its edit page)" : rule),
    check("applier", "applier runs or stopped cleanly", !!ch && !ch.lastSqlErrno, ch?.lastSqlErrno ? `error ${ch.lastSqlErrno}: ${ch.lastSqlError}` : `SQL thread ${ch?.sqlThread ?? "—"}`),
    check("gtid", "positions by GTID", adv.gtid, adv.gtid ? "GTID" : "binlog coordinates: a failover needs every replica stopped at the same coordinates"),
    check("binlog", "binary log on", n.facts.logBin, n.facts.logBin ? "log_bin=ON" : "log_bin=OFF: nothing could replicate from it"),
    check("replica_updates", "log_replica_updates on", n.facts.logReplicaUpdates, n.facts.logReplicaUpdates ? "what it replicated is in its binary log" : "off: the others could not get the dead source's transactions from it"),
    check("not_delayed", "not a delayed replica", !ch?.sqlDelay, ch?.sqlDelay ? `delayed by ${ch.sqlDelay} s` : "no delay"),
    check("flavor", `same family as ${dead.name}`, sameFamily(n.version, dead.version), `${versionText(n.version)} vs ${versionText(dead.version)}`),
    check("version", "not older than the servers that will follow it", older.length === 0, older.length ? `newer than ${older.join(", ")}` : versionText(n.version), false),
    check("errant", "no errant transactions", !errant.length, errant.length ? `has ${errantText(errant)} (${errant.map((e) => e.origin).join("; ")})` : "none"),
    check("filters", "no replication filters", !ch?.filters.length, ch?.filters.length ? ch.filters.join("; ") : "none"),
  ];
  const passed = checks.filter((c) => c.ok).length;
  return {
    candidateId: n.id, candidateName: n.name, score: Math.round((100 * passed) / checks.length), ready: checks.every((c) => c.ok || !c.blocking), rule,
    executedGtid: adv.executed, retrievedGtid: adv.retrieved, advancement: adv, delayed: !!ch?.sqlDelay, checks,
  };
}

/** Best first: ready, then not delayed, then the rule (prefer first), then the most advanced, then the score and name. */
export function rankFailoverCandidates(list: FailoverCandidate[]): FailoverCandidate[] {
  return [...list].sort(
    (a, b) => Number(b.ready) - Number(a.ready) || Number(a.delayed) - Number(b.delayed) || ruleWeight(b.rule) - ruleWeight(a.rule) ||
      compareAdvancement(b.advancement, a.advancement) || b.score - a.score || a.candidateName.localeCompare(b.candidateName),
  );
}

/** The replica that retrieved the most from the dead source (ties: the first listed). */
export function mostAdvanced<T extends { advancement: Advancement }>(list: T[]): T | null {
  return list.reduce<T | null>((best, c) => (!best || compareAdvancement(c.advancement, best.advancement) > 0 ? c : best), null);
}

/** Without GTID a failover is safe only when every replica stopped at the same source coordinates; else why not. */
export function coordinatesRefusal(list: FailoverCandidate[]): string | null {
  if (list.every((c) => c.advancement.gtid)) return null;
  const at = new Set(list.map((c) => `${c.advancement.executed}|${c.advancement.retrieved}`));
  if (at.size === 1) return null;
  return `Not every replica uses GTID, and they stopped at different coordinates (${list.map((c) => `${c.candidateName} at ${c.advancement.executed}`).join(", ")}): replscope cannot find the equivalent position on the new source. By hand: pick the most advanced replica, apply the missing relay-log events to the others (mysqlbinlog), then repoint them with CHANGE MASTER at the new source's coordinates.`;
}
