// Setting or clearing read_only (and super_read_only where MySQL has it).
import { hasSuperReadOnly, readOnlyStatements } from "../dialect";
import type { NodeView, PlanResult } from "./types";

const PERSIST = "SET GLOBAL does not survive a restart: put the same setting in the server's my.cnf.";

/** Plans read_only on/off; on MySQL ≥ 5.7.8 super_read_only too (so SUPER users cannot write either). */
export function planReadOnly(node: NodeView, on: boolean): PlanResult {
  const superToo = hasSuperReadOnly(node.version);
  const current = node.facts.readOnly && (!superToo || node.facts.superReadOnly === true);
  if (on && current) return { ok: false, refused: `${node.name} is already read-only.` };
  if (!on && !node.facts.readOnly && !node.facts.superReadOnly) return { ok: false, refused: `${node.name} is already writable.` };
  const warnings = [PERSIST];
  if (on && !node.channels.length) warnings.unshift(`${node.name} replicates from nobody: it is probably a source, and applications writing to it will get errors.`);
  if (!on && node.channels.length) warnings.unshift(`${node.name} is a replica: writes made on it are not on its source and can break replication later.`);
  const statements = readOnlyStatements(node.version, on);
  return { ok: true, plan: { summary: `Make ${node.name} ${on ? "read-only" : "writable"}.`, statements, warnings, expect: on ? "read_only" : "writable" } };
}
