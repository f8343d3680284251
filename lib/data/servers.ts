// The server registry in replscope's own database. Secrets stay sealed here; callers get ServerRecord.
import "server-only";
import type { CheckResult } from "@/lib/domain/connection-check";
import type { KeyPolicy } from "@/lib/domain/password-exchange";
import type { ServerCreateInput, ServerUpdateInput, TlsMode } from "@/lib/domain/server-input";
import { maskText } from "@/lib/domain/secret-mask";
import type { PromotionRule } from "@/lib/domain/failover/rules";
import type { Server } from "@/generated/prisma/client";
import { db } from "./db";
import { open, seal } from "./secret-box";

/** A registered server as the UI and API see it: no password, not even encrypted. */
export interface ServerRecord {
  id: string;
  name: string;
  host: string;
  port: number;
  user: string;
  tlsMode: TlsMode;
  cluster: string | null;
  tags: string[];
  lagWarnSeconds: number | null;
  lagCritSeconds: number | null;
  heartbeatEnabled: boolean;
  heartbeatSchema: string;
  /** An admin allowed fetching the server's RSA key for the password exchange (off by default). */
  allowPublicKeyRetrieval: boolean;
  /** The server's pinned RSA public key (PEM; not secret), or null. */
  serverPublicKey: string | null;
  /** Failover promotion rule: prefer, neutral or must_not. */
  promotionRule: PromotionRule;
  flavor: string | null;
  version: string | null;
  lastCheck: { status: string; detail: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** Maps a row to the public shape, dropping the sealed password. */
export function reshapeServer(row: Server): ServerRecord {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    user: row.user,
    tlsMode: row.tlsMode as TlsMode,
    cluster: row.cluster,
    tags: row.tags ? row.tags.split(",") : [],
    lagWarnSeconds: row.lagWarnSeconds,
    lagCritSeconds: row.lagCritSeconds,
    heartbeatEnabled: row.heartbeatEnabled,
    heartbeatSchema: row.heartbeatSchema,
    allowPublicKeyRetrieval: row.allowPublicKeyRetrieval,
    serverPublicKey: row.serverPublicKey,
    promotionRule: (row.promotionRule ?? "neutral") as PromotionRule,
    flavor: row.flavor,
    version: row.version,
    lastCheck:
      row.lastCheckStatus && row.lastCheckedAt
        ? { status: row.lastCheckStatus, detail: row.lastCheckDetail ?? "", at: row.lastCheckedAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** All servers, by name. */
export async function listServers(): Promise<ServerRecord[]> {
  return (await db().server.findMany({ orderBy: { name: "asc" } })).map(reshapeServer);
}

/** A stamp that changes whenever a server is registered, changed or removed (count and newest update): cheap to read. */
export async function registryStamp(): Promise<string> {
  return (await registryVersion()).stamp;
}

/** The stamp and when the newest change was made (epoch ms). */
async function registryVersion(): Promise<{ stamp: string; newest: number }> {
  const a = await db().server.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const newest = a._max.updatedAt?.getTime() ?? 0;
  return { stamp: `${a._count._all}/${newest}`, newest };
}

/** One server, or null. */
export async function findServer(id: string): Promise<ServerRecord | null> {
  const row = await db().server.findUnique({ where: { id } });
  return row ? reshapeServer(row) : null;
}

/** Which of name and host:port are already taken by another server (for per-field errors). */
export async function findConflicts(v: { name?: string; host?: string; port?: number }, exceptId?: string) {
  const others = { NOT: { id: exceptId ?? "" } };
  const byName = v.name ? await db().server.findFirst({ where: { name: v.name, ...others } }) : null;
  const byAddr = v.host && v.port ? await db().server.findFirst({ where: { host: v.host, port: v.port, ...others } }) : null;
  return { name: byName?.name ?? null, address: byAddr?.name ?? null };
}

type ExchangeFields = "allowPublicKeyRetrieval" | "serverPublicKey" | "promotionRule";

/** Stores a new server with its password sealed (password-exchange settings default to off / none, promotion rule to neutral). */
export async function insertServer(input: Omit<ServerCreateInput, ExchangeFields> & Partial<Pick<ServerCreateInput, ExchangeFields>>): Promise<ServerRecord> {
  const { password, tags, ...rest } = input;
  const row = await db().server.create({ data: { ...rest, tags: tags.join(","), passwordEnc: seal(password) } });
  return reshapeServer(row);
}

/** Stores many servers sharing one password in one statement (bulk registration, e.g. benchmarks and imports), with a known check outcome. */
export async function insertServers(
  inputs: (Omit<ServerCreateInput, ExchangeFields | "password"> & { flavor?: string | null; version?: string | null })[],
  password: string,
): Promise<number> {
  const passwordEnc = seal(password);
  const now = new Date();
  const data = inputs.map(({ tags, ...rest }) => ({ ...rest, tags: tags.join(","), passwordEnc, lastCheckStatus: "ok", lastCheckDetail: "registered in bulk", lastCheckedAt: now }));
  let count = 0;
  for (let i = 0; i < data.length; i += 500) count += (await db().server.createMany({ data: data.slice(i, i + 500) })).count;
  return count;
}

/** Applies a partial change; a password, when given, replaces the sealed one. */
export async function updateServerRow(id: string, input: ServerUpdateInput): Promise<ServerRecord> {
  const { password, tags, ...rest } = input;
  const data = {
    ...rest,
    ...(tags ? { tags: tags.join(",") } : {}),
    ...(password !== undefined ? { passwordEnc: seal(password) } : {}),
  };
  return reshapeServer(await db().server.update({ where: { id }, data }));
}

/** Removes a server; false when it did not exist. */
export async function deleteServerRow(id: string): Promise<boolean> {
  const r = await db().server.deleteMany({ where: { id } });
  return r.count > 0;
}

/** Stores a connection test's outcome (its detail masked: password clauses); flavor and version are kept from the last successful test. */
export async function recordCheck(id: string, r: CheckResult): Promise<ServerRecord> {
  const detected = r.status === "ok" ? { flavor: r.flavor ?? null, version: r.version ?? null } : {};
  const row = await db().server.update({
    where: { id },
    data: { lastCheckStatus: r.status, lastCheckDetail: r.detail && maskText(r.detail), lastCheckedAt: new Date(), ...detected },
  });
  return reshapeServer(row);
}

/** Why a stored password could not be used (the key changed or the row was tampered with). */
export const UNSEALABLE = "The stored password cannot be decrypted (REPLSCOPE_SECRET_KEY or the data directory's secret.key changed). Edit the server and enter the password again.";

function unseal(sealed: string): string | null {
  try {
    return open(sealed);
  } catch {
    return null;
  }
}

/** Connection details with the password decrypted (null when it cannot be), for lib/mysql only; never serialise this. */
export async function loadTarget(id: string) {
  const row = await db().server.findUnique({ where: { id } });
  if (!row) return null;
  return { host: row.host, port: row.port, user: row.user, password: unseal(row.passwordEnc), tlsMode: row.tlsMode as TlsMode, keyPolicy: keyPolicyOf(row) };
}

/** The row's password-exchange settings, bound to its endpoint. */
function keyPolicyOf(row: Server): KeyPolicy {
  return { host: row.host, port: row.port, allowPublicKeyRetrieval: row.allowPublicKeyRetrieval, serverPublicKey: row.serverPublicKey };
}

/** A server as the poller needs it: registry facts plus decrypted connection details (server side only). */
export interface PollTarget {
  record: ServerRecord;
  heartbeatEnabled: boolean;
  heartbeatSchema: string;
  target: { host: string; port: number; user: string; password: string | null; tlsMode: TlsMode; keyPolicy: KeyPolicy };
}

/** Passwords the last listing decrypted, by sealed text: a sweep decrypts only what changed since (the poller's hot path). */
let lastUnsealed = new Map<string, string | null>();

/** The last listing and the registry stamp it was read at: unchanged registry, same targets (the poller asks every sweep and the heartbeat writer every second). */
let lastListing: { stamp: string; targets: PollTarget[] } | null = null;

/** Every server with its connection details, for one sweep (re-read only when the registry changed). */
export async function listPollTargets(): Promise<PollTarget[]> {
  const { stamp, newest } = await registryVersion();
  if (lastListing?.stamp === stamp) return lastListing.targets;
  const targets = await readPollTargets();
  // A change in the same millisecond as the newest would leave the stamp as it is: a fresh change is never cached.
  lastListing = Date.now() - newest > 1000 ? { stamp, targets } : null;
  return targets;
}

async function readPollTargets(): Promise<PollTarget[]> {
  const rows = await db().server.findMany({ orderBy: { name: "asc" } });
  const unsealed = new Map<string, string | null>();
  const password = (sealed: string) => {
    if (!unsealed.has(sealed)) unsealed.set(sealed, lastUnsealed.has(sealed) ? lastUnsealed.get(sealed)! : unseal(sealed));
    return unsealed.get(sealed)!;
  };
  const targets = rows.map((row) => ({
    record: reshapeServer(row),
    heartbeatEnabled: row.heartbeatEnabled,
    heartbeatSchema: row.heartbeatSchema,
    target: { host: row.host, port: row.port, user: row.user, password: password(row.passwordEnc), tlsMode: row.tlsMode as TlsMode, keyPolicy: keyPolicyOf(row) },
  }));
  lastUnsealed = unsealed;
  return targets;
}
