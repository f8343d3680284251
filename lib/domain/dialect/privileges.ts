// Which global privileges allow each kind of replication statement, by flavor and version (dialect reference, Privileges).
import { hasSplitPrivileges } from "./capabilities";
import type { ServerVersion } from "./version";

/** Kinds of statements, each allowed by any one of a few privileges. */
export type StatementKind = "control" | "reset" | "readOnly" | "setGlobal";

/** The privileges that would each allow a kind of statement. */
export function privilegesFor(v: ServerVersion, kind: StatementKind): string[] {
  const split = hasSplitPrivileges(v);
  const mysql8 = v.flavor === "mysql" && split;
  switch (kind) {
    case "control":
      return !split ? ["SUPER"] : mysql8 ? ["REPLICATION_SLAVE_ADMIN", "SUPER"] : ["REPLICATION SLAVE ADMIN", "SUPER"];
    case "reset":
      return ["RELOAD"];
    case "readOnly":
      return !split ? ["SUPER"] : mysql8 ? ["SYSTEM_VARIABLES_ADMIN", "SUPER"] : ["SUPER", "READ ONLY ADMIN"];
    case "setGlobal":
      return mysql8 ? ["SYSTEM_VARIABLES_ADMIN", "SUPER"] : ["SUPER"];
  }
}
