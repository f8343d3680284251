// Whether the registered account's global grants cover an operation (a warning in the preview, not a refusal:
// roles and partial revokes can grant more than SHOW GRANTS lists).
import { atLeast, type ServerVersion } from "../server-version";
import type { Operation } from "./types";

/** Privileges that would each allow a kind of statement, by family and version. */
function needs(v: ServerVersion, op: Operation): { what: string; anyOf: string[] }[] {
  const control = v.flavor === "mysql" ? (atLeast(v, 8) ? ["REPLICATION_SLAVE_ADMIN", "SUPER"] : ["SUPER"]) : atLeast(v, 10, 5, 2) ? ["REPLICATION SLAVE ADMIN", "SUPER"] : ["SUPER"];
  const setGlobal = v.flavor === "mysql" && atLeast(v, 8) ? ["SYSTEM_VARIABLES_ADMIN", "SUPER"] : ["SUPER"];
  const out: { what: string; anyOf: string[] }[] = [];
  if (op.kind !== "read_only") out.push({ what: "replication control", anyOf: control });
  if (op.kind === "skip" || op.kind === "read_only") out.push({ what: "SET GLOBAL", anyOf: setGlobal });
  return out;
}

/** The global privileges named by SHOW GRANTS rows (only grants ON *.*). */
export function globalPrivileges(grantLines: string[]): Set<string> {
  const set = new Set<string>();
  for (const line of grantLines) {
    const m = /^GRANT (.+?) ON \*\.\* TO /i.exec(line.trim());
    if (m) for (const p of m[1].split(",")) set.add(p.trim().toUpperCase().replace(/\s+/g, " "));
  }
  return set;
}

/** A warning when the account's global grants cover none of the privileges a statement kind needs; null when they do. */
export function privilegeWarning(v: ServerVersion, op: Operation, grantLines: string[], account: string): string | null {
  const have = globalPrivileges(grantLines);
  if (have.has("ALL PRIVILEGES") || have.has("ALL")) return null;
  const missing = needs(v, op).filter((n) => !n.anyOf.some((p) => have.has(p)));
  if (!missing.length) return null;
  return `The registered account ${account} may not be allowed to run this: ${missing.map((n) => `${n.what} needs ${n.anyOf.join(" or ")}`).join("; ")}. The server will refuse the first statement it does not allow.`;
}
