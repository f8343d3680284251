// Preflight of a new replica: each check passes, warns or fails, with the fix in plain words (pure).
import { gtidIsPosition, isOlderSeries, readsBinlogOf, replicaConfig, sameFamily, type ServerVersion, sourceConfig } from "../dialect";
import type { ServerFacts } from "../server-facts";
import { missingPrivileges } from "./grants";

/** One preflight verdict; a "fail" blocks the next step. */
export interface Check {
  id: string;
  status: "pass" | "warn" | "fail";
  message: string;
  fix?: string;
  config?: string;
}

/** What preflight knows about one side. */
export interface Side {
  name: string;
  host: string;
  port: number;
  version: ServerVersion;
  facts: ServerFacts;
  grants: string[];
}

/** Everything preflight looks at. */
export interface PreflightInput {
  source: Side & { expireSeconds: number | null };
  target: Side & { userDatabases: string[]; replicating: boolean; namedChannels?: { name: string; source: string }[] };
  clusterServerIds: { name: string; serverId: number }[];
  overwriteTarget: boolean;
  /** The data is already on the target ("data already there"): its databases are expected, not overwritten. */
  keepTargetData?: boolean;
  resetTarget: boolean;
  estimatedCopySeconds: number;
}

const SOURCE_PRIVILEGES = ["RELOAD", "SELECT", "LOCK TABLES", "SHOW VIEW", "EVENT", "TRIGGER", "CREATE USER", "BINLOG MONITOR|REPLICATION CLIENT|SUPER"];
const TARGET_PRIVILEGES = ["ALL PRIVILEGES"];

/**
 * A target that replicates through named channels (MariaDB multi-source connections, MySQL channels) is refused even
 * with "reset": RESET … ALL without a name touches only the default channel, so the others would keep replicating
 * into the copy. The user removes them by hand (or picks another target).
 */
export function namedChannelsCheck(name: string, channels: { name: string; source: string }[]): Check {
  const list = channels.map((c) => `"${c.name}" from ${c.source}`).join(", ");
  return { id: "target_idle", status: "fail", message: `${name} already replicates through named channel(s) ${list}: a new replica must start from an empty replication setup, and replscope does not remove other channels.`, fix: `Remove those channels on ${name} by hand (MariaDB: STOP SLAVE 'name'; RESET SLAVE 'name' ALL; MySQL: STOP REPLICA FOR CHANNEL 'name'; RESET REPLICA ALL FOR CHANNEL 'name'), or choose another target.` };
}

/** Runs every check in order. */
export function preflight(i: PreflightInput): Check[] {
  const { source: s, target: t } = i;
  const checks: Check[] = [];
  const add = (c: Check) => checks.push(c);
  const same = (s.host.toLowerCase() === t.host.toLowerCase() && s.port === t.port) || (!!s.facts.serverUuid && s.facts.serverUuid === t.facts.serverUuid);
  add(same ? { id: "distinct", status: "fail", message: `${t.name} is ${s.name} itself: a server cannot be its own replica.`, fix: "Choose another target server." } : { id: "distinct", status: "pass", message: "Source and target are different servers." });
  add(s.facts.logBin ? { id: "log_bin", status: "pass", message: `Binary log is on on ${s.name}.` } : { id: "log_bin", status: "fail", message: `${s.name} has no binary log (log_bin is off): replicas have nothing to read.`, fix: `Add these lines to ${s.name}'s my.cnf and restart it.`, config: sourceConfig(s.version, s.facts.serverId || 1) });
  add(serverIdCheck(i));
  add(s.facts.binlogFormat.toUpperCase() === "ROW" ? { id: "binlog_format", status: "pass", message: "binlog_format is ROW." } : { id: "binlog_format", status: "warn", message: `binlog_format is ${s.facts.binlogFormat} on ${s.name}: statement-based events can make the replica differ.`, fix: "Set binlog_format = ROW (SET GLOBAL binlog_format = 'ROW' and in my.cnf)." });
  add(versionCheck(s.version, t.version));
  add(gtidCheck(s, t));
  if (i.keepTargetData) add({ id: "target_empty", status: "pass", message: `The data already on ${t.name} is kept (${t.userDatabases.join(", ") || "no user databases"}).` });
  else add(t.userDatabases.length === 0 || i.overwriteTarget ? { id: "target_empty", status: t.userDatabases.length ? "warn" : "pass", message: t.userDatabases.length ? `These databases on ${t.name} will be overwritten: ${t.userDatabases.join(", ")}.` : `${t.name} holds no user databases.` } : { id: "target_empty", status: "fail", message: `${t.name} already holds databases: ${t.userDatabases.join(", ")}.`, fix: "Choose an empty server, or confirm that these databases may be overwritten." });
  if (t.namedChannels?.length) add(namedChannelsCheck(t.name, t.namedChannels));
  else add(!t.replicating || i.resetTarget ? { id: "target_idle", status: t.replicating ? "warn" : "pass", message: t.replicating ? `${t.name}'s current replication will be stopped and reset.` : `${t.name} does not replicate yet.` } : { id: "target_idle", status: "fail", message: `${t.name} already replicates from another source.`, fix: "Confirm that its replication may be reset, or choose another target." });
  add(privilegeCheck("source_grants", s, SOURCE_PRIVILEGES));
  add(privilegeCheck("target_grants", t, TARGET_PRIVILEGES));
  add(retentionCheck(s.name, s.expireSeconds, i.estimatedCopySeconds));
  return checks;
}

function serverIdCheck({ source: s, target: t, clusterServerIds }: PreflightInput): Check {
  const fix = "Give each server a unique, non-zero server-id in its my.cnf and restart it.";
  if (!s.facts.serverId) return { id: "server_id", status: "fail", message: `${s.name} has server_id 0: replication cannot work.`, fix, config: sourceConfig(s.version, 1) };
  const taken = new Set([s.facts.serverId, ...clusterServerIds.map((c) => c.serverId)]);
  const free = Math.max(...taken) + 1;
  if (!t.facts.serverId) return { id: "server_id", status: "fail", message: `${t.name} has server_id 0.`, fix, config: replicaConfig(t.version, free) };
  if (t.facts.serverId === s.facts.serverId) return { id: "server_id", status: "fail", message: `${t.name} and ${s.name} both have server_id ${s.facts.serverId}: the replica would skip every event as its own.`, fix, config: replicaConfig(t.version, free) };
  const clash = clusterServerIds.find((c) => c.serverId === t.facts.serverId && c.name !== t.name);
  if (clash) return { id: "server_id", status: "fail", message: `server_id ${t.facts.serverId} of ${t.name} is already used by ${clash.name} in this cluster.`, fix, config: replicaConfig(t.version, free) };
  return { id: "server_id", status: "pass", message: `server_id ${s.facts.serverId} (source) and ${t.facts.serverId} (target) are unique.` };
}

function versionCheck(s: ServerVersion, t: ServerVersion): Check {
  if (!sameFamily(s, t)) return !readsBinlogOf(t, s) ? { id: "versions", status: "fail", message: "A MySQL replica cannot read a MariaDB source's binary log.", fix: "Use a MariaDB target." } : { id: "versions", status: "warn", message: "A MariaDB replica of a MySQL source works only without MySQL GTIDs and newer event types.", fix: "Prefer a MySQL target of the same or a newer version." };
  if (isOlderSeries(t, s)) return { id: "versions", status: "fail", message: `The target (${t.text}) is older than the source (${s.text}); a replica must not be older than its source's major version.`, fix: "Upgrade the target first." };
  return { id: "versions", status: "pass", message: `Versions are compatible (${s.text} → ${t.text}).` };
}

function gtidCheck(s: Side, t: Side): Check {
  if (gtidIsPosition(s.version)) return { id: "gtid", status: "pass", message: "MariaDB GTIDs are always available; the replica will use gtid_slave_pos." };
  const on = (f: ServerFacts) => f.gtidMode.toUpperCase() === "ON";
  if (on(s.facts) !== on(t.facts)) return { id: "gtid", status: "fail", message: `gtid_mode differs: ${s.name} ${s.facts.gtidMode}, ${t.name} ${t.facts.gtidMode}.`, fix: "Set the same gtid_mode (and enforce_gtid_consistency) on both." };
  return { id: "gtid", status: "pass", message: `gtid_mode ${s.facts.gtidMode} on both.` };
}

function privilegeCheck(id: string, side: Side, needed: string[]): Check {
  const missing = missingPrivileges(side.grants, needed);
  if (!missing.length) return { id, status: "pass", message: `The account on ${side.name} has the privileges needed.` };
  return { id, status: "fail", message: `The account on ${side.name} lacks: ${missing.map((m) => m.split("|")[0]).join(", ")}.`, fix: `GRANT ${missing.map((m) => m.split("|")[0]).join(", ")} ON *.* TO the account replscope uses on ${side.name}.` };
}

function retentionCheck(name: string, expireSeconds: number | null, copySeconds: number): Check {
  if (!expireSeconds) return { id: "retention", status: "pass", message: `Binary logs on ${name} are kept until purged by hand.` };
  if (expireSeconds < copySeconds) return { id: "retention", status: "fail", message: `${name} keeps binary logs ${Math.round(expireSeconds / 3600)} h, less than the copy is expected to take.`, fix: "Raise binlog retention for the duration of the copy." };
  if (expireSeconds < copySeconds * 3) return { id: "retention", status: "warn", message: `${name} keeps binary logs ${Math.round(expireSeconds / 3600)} h: little margin over the expected copy time.` };
  return { id: "retention", status: "pass", message: `Binary logs are kept ${Math.round(expireSeconds / 86_400)} d, enough for the copy.` };
}
