// Skipping the transaction a broken replica's applier failed on: MariaDB skip counter, MySQL empty GTID transaction.
import { canInjectEmptyGtid, defaultConnectionStatement, emptyTransactionStatements, skipCounterStatement, threadStatement } from "../dialect";
import type { ChannelStatus } from "../replica-status";
import { firstMissing } from "./gtid";
import { pickChannel } from "./threads";
import type { NodeView, PlanResult } from "./types";

const DIVERGE = "Skipping discards the failing transaction on this replica only: its data may now differ from the source's. Check the table it touched (e.g. with pt-table-checksum) afterwards.";

/** The GTID a MySQL applier failed on: named in the error text (multi-threaded applier), else the first retrieved one not executed. */
export function failingGtid(ch: ChannelStatus, singleThreaded: boolean): string | null {
  const named = /transaction '([0-9a-f-]{36}(?::[a-z_][a-z0-9_]*)?:\d+)'/i.exec(ch.lastSqlError)?.[1];
  if (named) return named.toLowerCase();
  if (!singleThreaded || !ch.sourceUuid) return null;
  return firstMissing(ch.retrievedGtidSet, ch.executedGtidSet, ch.sourceUuid);
}

function mariadbSkip(node: NodeView, ch: ChannelStatus, named: boolean): PlanResult {
  if (ch.usingGtid && node.facts.parallelWorkers > 0)
    return { ok: false, refused: `${node.name} uses parallel replication (slave_parallel_threads=${node.facts.parallelWorkers}) with GTID: which event group failed is not well defined. Set slave_parallel_threads=0, start replication so it fails again, then skip.` };
  const v = node.version;
  const statements = [threadStatement(v, "stop", "both", ch.channel, named)];
  if (named) statements.push(defaultConnectionStatement(ch.channel));
  statements.push(skipCounterStatement(v), threadStatement(v, "start", "both", ch.channel, named));
  return { ok: true, plan: { summary: `Skip the failing event group on ${node.name} (error ${ch.lastSqlErrno}) and restart replication.`, statements, warnings: [DIVERGE], expect: "running" } };
}

function mysqlSkip(node: NodeView, ch: ChannelStatus, named: boolean): PlanResult {
  const v = node.version;
  const workers = node.facts.parallelWorkers;
  const gtid = node.facts.gtidMode.toUpperCase() === "ON";
  const stop = threadStatement(v, "stop", "both", ch.channel, named);
  const start = threadStatement(v, "start", "both", ch.channel, named);
  if (gtid) {
    const failing = failingGtid(ch, workers <= 1);
    if (!failing) return { ok: false, refused: `The failing GTID on ${node.name} cannot be determined safely (${workers} parallel workers with GTID). Set replica_parallel_workers=0, restart replication so it fails again, then skip.` };
    return {
      ok: true,
      plan: {
        summary: `Commit an empty transaction for the failing GTID ${failing} on ${node.name} and restart replication.`,
        statements: [stop, ...emptyTransactionStatements(failing), start],
        warnings: [DIVERGE],
        expect: "running",
      },
    };
  }
  if (workers > 1) return { ok: false, refused: `${node.name} applies with ${workers} parallel workers: the skip counter would skip an arbitrary event group. Set replica_parallel_workers=0 first.` };
  if (node.channels.length > 1) return { ok: false, refused: `${node.name} has several channels without GTID: the skip counter cannot name one. Skip by hand.` };
  return { ok: true, plan: { summary: `Skip the failing event group on ${node.name} (error ${ch.lastSqlErrno}) and restart replication.`, statements: [stop, skipCounterStatement(v), start], warnings: [DIVERGE], expect: "running" } };
}

/** Plans skipping the failing transaction; refused when nothing failed or when the failing one cannot be named safely. */
export function planSkip(node: NodeView, channel?: string): PlanResult {
  const ch = pickChannel(node, channel);
  if (typeof ch === "string") return { ok: false, refused: ch };
  if (ch.sqlThread === "running" || !ch.lastSqlErrno) return { ok: false, refused: `The applier on ${node.name} has not stopped on an error: there is nothing to skip.` };
  const named = node.channels.length > 1 || ch.channel !== "";
  return canInjectEmptyGtid(node.version) ? mysqlSkip(node, ch, named) : mariadbSkip(node, ch, named);
}
