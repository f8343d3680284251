// Validating a start position the user enters for "data already there", against what the source has (pure).
import type { GtidFlavor } from "../dialect";

/** A start position given by the user. */
export type GivenPosition = { file: string; position: number } | { gtid: string };

const MARIADB_GTID = /^\d+-\d+-\d+(,\d+-\d+-\d+)*$/;
const MYSQL_GTID = /^[0-9a-f-]{36}:\d+(-\d+)?(:\d+(-\d+)?)*(,[0-9a-f-]{36}:\d+(-\d+)?(:\d+(-\d+)?)*)*$/i;

/** Why binlog coordinates cannot be used on this source (null when fine), given SHOW BINARY LOGS rows. */
export function coordinatesProblem(p: { file: string; position: number }, logs: { name: string; size: number }[]): string | null {
  const log = logs.find((l) => l.name === p.file);
  if (!log) return `${p.file} is not among the source's binary logs (${logs.map((l) => l.name).join(", ") || "none"}): mistyped, or already purged.`;
  if (p.position < 4 || p.position > log.size) return `Position ${p.position} is outside ${p.file} (4 to ${log.size}).`;
  return null;
}

/** Why a GTID set is not usable (null when fine): wrong format, or ahead of the source (MariaDB: per domain and server). */
export function gtidProblem(gtid: string, scheme: GtidFlavor, sourceBinlogPos: string): string | null {
  const g = gtid.replace(/\s+/g, "");
  if (scheme === "mysql") return MYSQL_GTID.test(g) ? null : "Not a MySQL GTID set (uuid:1-42,…).";
  if (!MARIADB_GTID.test(g)) return "Not a MariaDB GTID position (domain-server-sequence, e.g. 0-1-42).";
  const have = new Map(sourceBinlogPos.split(",").filter(Boolean).map((x) => x.split("-").map(Number)).map(([d, s, n]) => [`${d}-${s}`, n]));
  for (const [d, s, n] of g.split(",").map((x) => x.split("-").map(Number))) {
    const max = have.get(`${d}-${s}`);
    if (max === undefined || n > max) return `${d}-${s}-${n} is not in the source's binary log (it has ${sourceBinlogPos || "nothing"}).`;
  }
  return null;
}
