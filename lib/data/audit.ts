// The audit trail of statements replscope runs on monitored servers (text already masked by the caller).
import "server-only";
import { db } from "./db";

/** One audited statement. */
export interface AuditInput {
  actor: string;
  action: string;
  serverId: string | null;
  serverName: string | null;
  statement: string;
  durationMs: number;
  error: string | null;
}

/** Appends an entry; never throws (an audit failure is logged, the operation's own outcome stands). */
export async function recordAudit(e: AuditInput): Promise<void> {
  await db().auditEntry.create({ data: e }).catch((err) => console.error("replscope: audit write failed:", (err as Error).message));
}

/** Entries, newest first, optionally for one server. */
export async function listAudit(filter: { serverId?: string; action?: string; take?: number } = {}) {
  return db().auditEntry.findMany({
    where: { serverId: filter.serverId, action: filter.action },
    orderBy: { at: "desc" },
    take: filter.take ?? 200,
  });
}
