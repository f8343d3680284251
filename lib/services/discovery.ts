// Crawls outwards from a registered server (its sources and replicas, recursively) and registers chosen finds.
import "server-only";
import crypto from "node:crypto";
import type { Caller } from "@/lib/domain/auth";
import { env } from "@/lib/config/env";
import { classifyError, type DriverError } from "@/lib/domain/connection-check";
import { type Discovered, type Lead, leadKey, leadsFrom, type LeadNote, NOT_CONTACTED, NOT_FOUND_BY_CRAWL, type RegisterCredentials, SEED_PASSWORD_NEEDED } from "@/lib/domain/discovery";
import { recentCrawlFinds, saveCrawlFinds } from "@/lib/data/crawl-finds";
import { findServer, listServers, loadTarget, UNSEALABLE } from "@/lib/data/servers";
import { type ServerTarget, withConnection } from "@/lib/mysql/connection";
import { inspectServer } from "@/lib/mysql/discovery";
import { mapLimit } from "@/lib/mysql/limit";
import { failureText, logChange } from "./audit-log";
import { createServer, type Outcome } from "./servers";

/** Bounds of one crawl. */
export interface CrawlLimits {
  maxDepth: number;
  maxServers: number;
  concurrency: number;
}

const DEFAULT_LIMITS: CrawlLimits = { maxDepth: 6, maxServers: 200, concurrency: 8 };

/** How a crawl may use credentials (and its bounds). */
export interface CrawlOptions {
  /** Also log in to servers nobody registered, with the seed's credentials (off by default: audited when on). */
  trySeedCredentials?: boolean;
  limits?: CrawlLimits;
}

type Found = { id: string; name: string };

/** The credentials to read a found server with: a registered one's own, the seed's (opt-in), or none (not contacted). */
async function credentialsFor(d: Discovered, registered: Found | undefined, seed: ServerTarget, trySeed: boolean): Promise<{ target: ServerTarget; whose: string } | { reason: string }> {
  if (registered) {
    const t = await loadTarget(registered.id);
    if (!t || t.password === null) return { reason: `registered as ${registered.name}: ${UNSEALABLE}` };
    return { target: { ...t, password: t.password }, whose: `the credentials registered for ${registered.name} (${t.user})` };
  }
  if (!trySeed) return { reason: NOT_CONTACTED };
  return { target: seedTargetFor(seed, d.host, d.port), whose: `the credentials of the seed (${seed.user})` };
}

/** The seed's credentials aimed at a host a crawl found: borrowed, so only scramble logins (no readable password, even
 *  with the seed's verified TLS or keys: a host can hold a trusted certificate for its own name). */
export function seedTargetFor(seed: ServerTarget, host: string, port: number): ServerTarget {
  return { ...seed, host, port, borrowed: true };
}

/** How long the servers a crawl found may be registered from it. */
const FINDS_TTL_MS = 30 * 60_000;
/** Remembers (in our database, for every instance) what a crawl from `seedId` found: only those can be registered from it. */
async function rememberFinds(seedId: string, servers: Discovered[]) {
  await saveCrawlFinds(seedId, servers.map((d) => leadKey(d.host, d.port)), FINDS_TTL_MS);
}

/** The chosen hosts that no recent crawl from `seedId` found. */
async function notFoundByCrawl(seedId: string, chosen: ChosenServer[]): Promise<ChosenServer[]> {
  const keys = await recentCrawlFinds(seedId);
  return chosen.filter((c) => !keys.has(leadKey(c.host, c.port)));
}

/** Constant-time comparison of a typed password with the stored one. */
function samePassword(typed: string, stored: string): boolean {
  const h = (v: string) => crypto.createHash("sha256").update(v, "utf8").digest();
  return crypto.timingSafeEqual(h(typed), h(stored));
}

/** Reads one found server (when allowed) and returns the leads it gives; sets reachable/contacted/reason on `d`. */
async function visit(d: Discovered, registered: Found | undefined, seed: ServerTarget, trySeed: boolean, timeoutMs: number) {
  const where = `${d.host}:${d.port}`;
  const creds = await credentialsFor(d, registered, seed, trySeed);
  if ("reason" in creds) {
    d.reason = creds.reason;
    return { leads: [], notes: [] };
  }
  d.contacted = true;
  try {
    const rows = await withConnection(creds.target, { connectTimeoutMs: timeoutMs, queryTimeoutMs: timeoutMs }, inspectServer);
    Object.assign(d, { reachable: true, serverId: rows.serverId, flavor: rows.version.flavor, version: rows.version.text });
    return leadsFrom(where, rows);
  } catch (e) {
    const r = classifyError(e as DriverError, where, timeoutMs);
    d.reason = r.status === "access_denied" ? `access denied with ${creds.whose}; register it with other credentials` : r.detail;
    return { leads: [], notes: [] };
  }
}

/** Crawls from `seedId`: registered servers are read with their own credentials; others are only reported unless
 *  `trySeedCredentials` (then the seed's credentials are tried on them). Every server found says how, and why when it
 *  could not be read. The crawl is audited, saying whether the seed's credentials were tried on unregistered servers. */
export async function crawl(seedId: string, o: CrawlOptions = {}, caller?: Caller): Promise<Outcome<{ servers: Discovered[]; notes: LeadNote[] }>> {
  const r = await crawlFrom(seedId, o);
  if (r.ok) await rememberFinds(seedId, r.value.servers);
  const seed = await findServer(seedId);
  const mode = o.trySeedCredentials ? "on" : "off";
  const summary = r.ok ? `: found ${r.value.servers.length}, contacted ${r.value.servers.filter((d) => d.contacted).length}` : "";
  await logChange(caller, "discovery.crawl", `crawl from ${seed?.name ?? seedId}; seed's credentials on servers not yet registered: ${mode}${summary}`, { serverId: seedId, serverName: seed?.name ?? null, error: failureText(r) });
  return r;
}

async function crawlFrom(seedId: string, o: CrawlOptions): Promise<Outcome<{ servers: Discovered[]; notes: LeadNote[] }>> {
  const limits = o.limits ?? DEFAULT_LIMITS;
  const [seed, creds] = await Promise.all([findServer(seedId), loadTarget(seedId)]);
  if (!seed || !creds) return { ok: false, status: 404, error: "No such server." };
  const { password } = creds;
  if (password === null) return { ok: false, status: 400, error: UNSEALABLE };
  const registered = new Map((await listServers()).map((s) => [leadKey(s.host, s.port), { id: s.id, name: s.name }]));
  const timeoutMs = env().REPLSCOPE_CONNECT_TIMEOUT_MS;
  const found = new Map<string, Discovered>();
  const notes: LeadNote[] = [];
  let frontier: Lead[] = [{ host: seed.host, port: seed.port, via: "seed" }];
  for (let depth = 0; frontier.length && depth <= limits.maxDepth; depth++) {
    const toVisit: Discovered[] = [];
    for (const lead of frontier) {
      const k = leadKey(lead.host, lead.port);
      const known = found.get(k);
      if (known) {
        if (!known.foundVia.includes(lead.via)) known.foundVia.push(lead.via);
      } else if (found.size < limits.maxServers) {
        const d: Discovered = { host: lead.host, port: lead.port, foundVia: [lead.via], depth, reachable: false, contacted: false, reason: null, serverId: null, flavor: null, version: null, registeredAs: registered.get(k)?.name ?? null };
        found.set(k, d);
        toVisit.push(d);
      }
    }
    const visited = await mapLimit(toVisit, limits.concurrency, (d) => visit(d, registered.get(leadKey(d.host, d.port)), { ...creds, password }, !!o.trySeedCredentials, timeoutMs));
    visited.forEach((v) => notes.push(...v.notes));
    frontier = visited.flatMap((v) => v.leads);
  }
  return { ok: true, value: { servers: [...found.values()].sort((a, b) => a.depth - b.depth), notes } };
}

/** One server the user chose to register from a crawl. */
export interface ChosenServer {
  name: string;
  host: string;
  port: number;
}

/** The outcome of registering each chosen server. */
export type RegisterResult = { name: string; ok: boolean; status?: string; error?: string }[];

/** Registers the chosen servers in the seed's cluster, with the credentials the operator chose: the seed's (an endpoint
 *  change for that password, so it must be typed and match the stored one) or other ones. Only servers a recent crawl
 *  from that seed found are accepted. Audited once for the choice (or the refusal), and per server. */
export async function registerDiscovered(seedId: string, chosen: ChosenServer[], credentials: RegisterCredentials, caller?: Caller): Promise<Outcome<RegisterResult>> {
  const [seed, creds] = await Promise.all([findServer(seedId), loadTarget(seedId)]);
  if (!seed || !creds) return { ok: false, status: 404, error: "No such seed server." };
  const refused = await registerRefusal(seedId, chosen, credentials, creds.password);
  const whose = credentials.use === "seed" ? `the seed's credentials (${creds.user})` : `other credentials (${credentials.user})`;
  const what = `register ${chosen.map((c) => `${c.name} (${c.host}:${c.port})`).join(", ")} ${refused ? "as if found" : "found"} from ${seed.name}, with ${whose}`;
  await logChange(caller, "discovery.register", what, { serverId: seed.id, serverName: seed.name, error: refused?.error ?? null });
  if (refused) return refused;
  const account = credentials.use === "seed" ? { user: creds.user, password: creds.password! } : { user: credentials.user, password: credentials.password };
  const results: RegisterResult = [];
  for (const c of chosen) {
    const r = await createServer({ ...c, ...account, tlsMode: creds.tlsMode, cluster: seed.cluster }, caller);
    results.push(r.ok ? { name: c.name, ok: true, status: r.value.check.status } : { name: c.name, ok: false, error: Object.values(r.fieldErrors ?? {}).flat().join(" ") || r.error });
  }
  return { ok: true, value: results };
}

/** Why a registration is refused (400), or null: hosts no crawl of this seed found; the seed's password not typed. */
async function registerRefusal(seedId: string, chosen: ChosenServer[], credentials: RegisterCredentials, stored: string | null): Promise<Extract<Outcome<never>, { ok: false }> | null> {
  const unknown = await notFoundByCrawl(seedId, chosen);
  if (unknown.length) return { ok: false, status: 400, error: `${unknown.map((c) => `${c.host}:${c.port}`).join(", ")} ${NOT_FOUND_BY_CRAWL}.` };
  if (credentials.use !== "seed") return null;
  if (stored === null) return { ok: false, status: 400, error: UNSEALABLE };
  if (!samePassword(credentials.password, stored)) return { ok: false, status: 400, error: "The seed's password does not match the stored one.", fieldErrors: { password: [SEED_PASSWORD_NEEDED] } };
  return null;
}
