// The audit trail of statements replscope runs on monitored servers and of app-level changes. Every statement and
// error is masked here (the one place entries are written): the secrets given, the server's stored password, and any
// password clause.
import "server-only";
import { maskText } from "@/lib/domain/secret-mask";
import { db } from "./db";
import { fencedBatch } from "./fence";
import { serverPasswords } from "./masking";

/** One audited statement. */
export interface AuditInput {
  actor: string;
  action: string;
  serverId: string | null;
  serverName: string | null;
  statement: string;
  durationMs: number;
  error: string | null;
  /** Where the request came from (client address); null for background work. */
  address?: string | null;
  kind?: "statement" | "mutation";
  /** Secrets the statement or error could quote (e.g. a run's replication password); masked before writing. */
  secrets?: readonly string[];
}

/** One app-level change: who, from where, what, on which server, and its result (error null = succeeded). */
export interface MutationInput {
  actor: string;
  address: string | null;
  action: string;
  what: string;
  serverId?: string | null;
  serverName?: string | null;
  error?: string | null;
  durationMs?: number;
  secrets?: readonly string[];
}

/** Appends an app-level mutation entry (never throws). */
export async function recordMutation(m: MutationInput): Promise<void> {
  await recordAudit({ actor: m.actor, action: m.action, serverId: m.serverId ?? null, serverName: m.serverName ?? null, statement: m.what, durationMs: m.durationMs ?? 0, error: m.error ?? null, address: m.address, kind: "mutation", secrets: m.secrets });
}

/** Appends an entry, statement and error masked; never throws (an audit failure is logged, the operation's own outcome stands). */
export async function recordAudit(e: AuditInput): Promise<void> {
  const { secrets: given = [], ...entry } = e;
  const secrets = [...given, ...(await serverPasswords([e.serverId]).catch(() => []))];
  const data = { ...entry, statement: maskText(entry.statement, secrets), error: entry.error === null ? null : maskText(entry.error, secrets) };
  await db().auditEntry.create({ data }).catch((err) => console.error("replscope: audit write failed:", maskText((err as Error).message, secrets)));
}

/** Filters of the audit page and API. */
export interface AuditFilter {
  serverId?: string;
  action?: string;
  actor?: string;
  kind?: "statement" | "mutation";
  since?: Date;
  until?: Date;
  take?: number;
}

/** Entries, newest first, filtered by server, action (prefix), actor and time. */
export async function listAudit(f: AuditFilter = {}) {
  return db().auditEntry.findMany({
    where: { serverId: f.serverId, action: f.action ? { startsWith: f.action } : undefined, actor: f.actor, kind: f.kind, at: { gte: f.since, lte: f.until } },
    orderBy: { at: "desc" },
    take: f.take ?? 200,
  });
}

/** Deletes entries older than `days` (kept 90 days by default). */
export async function pruneAudit(days = 90): Promise<number> {
  const [r] = (await fencedBatch([db().auditEntry.deleteMany({ where: { at: { lt: new Date(Date.now() - days * 86_400_000) } } })])) as { count: number }[];
  return r.count;
}

/** Everyone who appears in the trail, for the page's user filter. */
export async function listActors(): Promise<string[]> {
  return (await db().auditEntry.findMany({ distinct: ["actor"], select: { actor: true }, orderBy: { actor: "asc" } })).map((r) => r.actor);
}

/** Audit filters from query parameters (server, action, actor, kind, since, until as ISO dates). */
export function auditFilterFrom(q: Record<string, string | undefined>): AuditFilter {
  const date = (v?: string, endOfDay = false) => (v && !Number.isNaN(Date.parse(v)) ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) && endOfDay ? `${v}T23:59:59.999Z` : v) : undefined);
  return {
    serverId: q.server || undefined,
    action: q.action || undefined,
    actor: q.actor || undefined,
    kind: q.kind === "mutation" || q.kind === "statement" ? q.kind : undefined,
    since: date(q.since),
    until: date(q.until, true),
  };
}
