// Whether a registered account's global grants cover what replscope will run: a warning in operation previews,
// a refusal before a switchover changes anything (unless roles make the grants impossible to read from here).
import { globalPrivileges } from "../bootstrap/grants";
import { privilegesFor, type ServerVersion, type StatementKind } from "../dialect";
import type { Operation } from "./types";

export type { StatementKind };

const KINDS: Record<Operation["kind"], StatementKind[]> = { start: ["control"], stop: ["control"], skip: ["control", "setGlobal"], read_only: ["readOnly"], repoint: ["control"] };

/** The global privileges named by SHOW GRANTS lines (one parser for the wizard and the operations). */
export { globalPrivileges };

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
