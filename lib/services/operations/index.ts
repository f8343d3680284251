// Replication operations on one server: preview (exact statements or refusal), run (confirmed, audited), then check.
import "server-only";
import { recordMutation } from "@/lib/data/audit";
import { findServer } from "@/lib/data/servers";
import { describeOperation, type Operation, type Plan } from "@/lib/domain/operations/types";
import { type Neighbours, planOperation } from "@/lib/domain/operations/plan";
import { privilegeWarning } from "@/lib/domain/operations/privileges";
import { describeNow, failedFor, reached } from "@/lib/domain/operations/outcome";
import type { NodeView } from "@/lib/domain/operations/types";
import { readGrants } from "@/lib/mysql/accounts";
import type { Outcome } from "../servers";
import { executingOn } from "../runs/locks";
import { sweepSoon } from "../monitor";
import { downstreamIds } from "../status";
import { auditedExec, type Caller, loadLive, type Live, onServer } from "../live-server";
import { readNode, registeredSourceOf, snapshotNode } from "./node";

/** What a preview shows: the server's name and the plan. */
export interface Preview {
  serverId: string;
  serverName: string;
  operation: string;
  plan: Plan;
}

/** What GET /api/servers/:id/operations returns for an allowed operation. */
export type PreviewResponse = Preview;

/** What running an operation did: the statements run, and where the server stands afterwards. */
export interface RunResult extends Preview {
  ran: string[];
  after: string;
  settled: boolean;
}

/** Re-reads the server until it reaches the expected state, fails on an error, or 10 s pass. */
async function settledState({ expect, channel }: Pick<Plan, "expect" | "channel">, read: () => Promise<NodeView>): Promise<{ settled: boolean; text: string }> {
  let n = await read();
  for (let i = 0; i < 40 && !reached(expect, n, channel) && !failedFor(expect, n, channel); i++) {
    await new Promise((r) => setTimeout(r, 250));
    n = await read();
  }
  return { settled: reached(expect, n, channel), text: describeNow(n) };
}

/** The target and current source as they are now, and what replicates from the replica (a repoint there is a loop). */
async function repointNeighbours(id: string, node: NodeView, targetId: string, channel?: string): Promise<Neighbours> {
  const snapshot = (serverId: string | undefined) => (serverId ? loadLive(serverId).then(snapshotNode).catch(() => null) : null);
  const [target, source, downstream] = await Promise.all([snapshot(targetId), registeredSourceOf(node, channel).then((r) => snapshot(r?.id)), downstreamIds(id)]);
  return { target, source, downstream };
}

async function planNow(id: string, op: Operation): Promise<Outcome<{ live: Live; preview: Preview }>> {
  const record = await findServer(id);
  if (!record) return { ok: false, status: 404, error: "No such server." };
  try {
    const live = await loadLive(id);
    const [node, grants] = await onServer(live, async (c) => [await readNode(live, c), await readGrants(c).catch((): string[] => [])] as const);
    const around = op.kind === "repoint" ? await repointNeighbours(id, node, op.targetId, op.channel) : {};
    const r = planOperation(node, op, around);
    if (!r.ok) return { ok: false, status: 409, error: r.refused };
    const warning = privilegeWarning(live.version, op, grants, live.target.user);
    if (warning) r.plan.warnings.push(warning);
    return { ok: true, value: { live, preview: { serverId: id, serverName: record.name, operation: describeOperation(op, around.target?.name), plan: r.plan } } };
  } catch (e) {
    return { ok: false, status: 409, error: `${record.name} could not be read: ${(e as Error).message}` };
  }
}

/** The exact statements `op` would run on the server now, or why it is refused. */
export async function previewOperation(id: string, op: Operation): Promise<Outcome<Preview>> {
  const r = await planNow(id, op);
  return r.ok ? { ok: true, value: r.value.preview } : r;
}

/** Runs `op` after the caller confirmed the server's name and the previewed statements; audits every statement and the outcome. */
export async function runOperation(id: string, op: Operation, confirm: { serverName: string; statements: string[] }, caller: Caller): Promise<Outcome<RunResult>> {
  const planned = await planNow(id, op);
  const action = `operation.${op.kind}`;
  if (!planned.ok) {
    await recordMutation({ ...caller, action, what: `refused: ${op.kind} on ${id}`, serverId: id, error: planned.error });
    return planned;
  }
  const { live, preview } = planned.value;
  const busy = await executingOn(id);
  if (busy) return { ok: false, status: 409, error: `${preview.serverName} takes part in a running ${busy.noun} (${busy.id}): wait for it to finish.` };
  if (confirm.serverName !== preview.serverName) return { ok: false, status: 400, error: `Type the server's name (${preview.serverName}) to confirm.` };
  if (JSON.stringify(confirm.statements) !== JSON.stringify(preview.plan.statements))
    return { ok: false, status: 409, error: `${preview.serverName} changed since the preview: review the new statements and confirm again.` };
  const ran: string[] = [];
  const started = Date.now();
  try {
    const after = await onServer(live, async (c) => {
      for (const sql of preview.plan.statements) {
        await auditedExec(c, live, sql, action, caller);
        ran.push(sql);
      }
      return settledState(preview.plan, async () => readNode(live, c));
    });
    await recordMutation({ ...caller, action, what: `${preview.operation} on ${preview.serverName}: ${after.text}`, serverId: id, serverName: preview.serverName, durationMs: Date.now() - started, error: after.settled ? null : after.text });
    sweepSoon();
    return { ok: true, value: { ...preview, ran, after: after.text, settled: after.settled } };
  } catch (e) {
    const left = preview.plan.statements.slice(ran.length);
    const state = await snapshotNode(live).then((n) => describeNow(n), () => "its state could not be read");
    const error = `${preview.operation} on ${preview.serverName} failed at "${left[0]}": ${(e as Error).message}. Ran ${ran.length} of ${preview.plan.statements.length} statements${left.length > 1 ? `; not run: ${left.slice(1).join("; ")}` : ""}. ${preview.serverName} now: ${state}.`;
    await recordMutation({ ...caller, action, what: `${preview.operation} on ${preview.serverName}`, serverId: id, serverName: preview.serverName, durationMs: Date.now() - started, error });
    return { ok: false, status: 409, error };
  }
}
