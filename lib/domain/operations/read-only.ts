// Setting or clearing read_only (and super_read_only where MySQL has it).
import { atLeast } from "../server-version";
import type { NodeView, PlanResult } from "./types";

const PERSIST = "SET GLOBAL does not survive a restart: put the same setting in the server's my.cnf.";

/** SET GLOBAL read_only (and super_read_only on MySQL ≥ 5.7.8), in the order that works both ways. */
export function readOnlyStatements(v: NodeView["version"], on: boolean): string[] {
  const superToo = v.flavor === "mysql" && atLeast(v, 5, 7, 8);
  return on ? ["SET GLOBAL read_only = ON", ...(superToo ? ["SET GLOBAL super_read_only = ON"] : [])] : [...(superToo ? ["SET GLOBAL super_read_only = OFF"] : []), "SET GLOBAL read_only = OFF"];
}

/** Plans read_only on/off; on MySQL ≥ 5.7.8 super_read_only too (so SUPER users cannot write either). */
export function planReadOnly(node: NodeView, on: boolean): PlanResult {
  const superToo = node.version.flavor === "mysql" && atLeast(node.version, 5, 7, 8);
  const current = node.facts.readOnly && (!superToo || node.facts.superReadOnly === true);
  if (on && current) return { ok: false, refused: `${node.name} is already read-only.` };
  if (!on && !node.facts.readOnly && !node.facts.superReadOnly) return { ok: false, refused: `${node.name} is already writable.` };
  const warnings = [PERSIST];
  if (on && !node.channels.length) warnings.unshift(`${node.name} replicates from nobody: it is probably a source, and applications writing to it will get errors.`);
  if (!on && node.channels.length) warnings.unshift(`${node.name} is a replica: writes made on it are not on its source and can break replication later.`);
  const statements = readOnlyStatements(node.version, on);
  return { ok: true, plan: { summary: `Make ${node.name} ${on ? "read-only" : "writable"}.`, statements, warnings, expect: on ? "read_only" : "writable" } };
}
