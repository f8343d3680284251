// Whether a registered account's global grants cover what replscope will run: a warning in operation previews,
// a refusal before a switchover changes anything (unless roles make the grants impossible to read from here).
import { atLeast, type ServerVersion } from "../server-version";
import type { Operation } from "./types";

/** Kinds of statements, each allowed by any one of a few privileges. */
export type StatementKind = "control" | "reset" | "readOnly" | "setGlobal";

/** The privileges that would each allow a kind of statement, by family and version. */
export function privilegesFor(v: ServerVersion, kind: StatementKind): string[] {
  const mysql8 = v.flavor === "mysql" && atLeast(v, 8);
  switch (kind) {
    case "control":
      return v.flavor === "mysql" ? (mysql8 ? ["REPLICATION_SLAVE_ADMIN", "SUPER"] : ["SUPER"]) : atLeast(v, 10, 5, 2) ? ["REPLICATION SLAVE ADMIN", "SUPER"] : ["SUPER"];
    case "reset":
      return ["RELOAD"];
    case "readOnly":
      return mysql8 ? ["SYSTEM_VARIABLES_ADMIN", "SUPER"] : v.flavor === "mariadb" && atLeast(v, 10, 5, 2) ? ["SUPER", "READ ONLY ADMIN"] : ["SUPER"];
    case "setGlobal":
      return mysql8 ? ["SYSTEM_VARIABLES_ADMIN", "SUPER"] : ["SUPER"];
  }
}

const KINDS: Record<Operation["kind"], StatementKind[]> = { start: ["control"], stop: ["control"], skip: ["control", "setGlobal"], read_only: ["readOnly"], repoint: ["control"] };

/** The global privileges named by SHOW GRANTS rows (only grants ON *.*). */
export function globalPrivileges(grantLines: string[]): Set<string> {
  const set = new Set<string>();
  for (const line of grantLines) {
    const m = /^GRANT (.+?) ON \*\.\* TO /i.exec(line.trim());
    if (m) for (const p of m[1].split(",")) set.add(p.trim().toUpperCase().replace(/\s+/g, " "));
  }
  return set;
}

/** True when the account holds roles (GRANT role TO user): their privileges are not listed, so absence proves nothing. */
export const hasRoles = (grantLines: string[]) => grantLines.some((l) => /^GRANT /i.test(l.trim()) && !/ ON /i.test(l));

/** What the grants lack for the given kinds, as "RESET … needs RELOAD" phrases (empty when covered). */
export function missingFor(v: ServerVersion, kinds: StatementKind[], grantLines: string[]): string[] {
  const have = globalPrivileges(grantLines);
  if (have.has("ALL PRIVILEGES") || have.has("ALL")) return [];
  const label: Record<StatementKind, string> = { control: "replication control", reset: "RESET … ALL", readOnly: "read_only", setGlobal: "SET GLOBAL" };
  return [...new Set(kinds)].map((k) => ({ k, any: privilegesFor(v, k) })).filter(({ any }) => !any.some((p) => have.has(p))).map(({ k, any }) => `${label[k]} needs ${any.join(" or ")}`);
}

/** A preview warning when the account's global grants cover none of the privileges an operation needs; else null. */
export function privilegeWarning(v: ServerVersion, op: Operation, grantLines: string[], account: string): string | null {
  const missing = missingFor(v, KINDS[op.kind], grantLines);
  return missing.length ? `The registered account ${account} may not be allowed to run this: ${missing.join("; ")}. The server will refuse the first statement it does not allow.` : null;
}
