// Crawls outwards from a registered server (its sources and replicas, recursively) and registers chosen finds.
import "server-only";
import type { Caller } from "@/lib/domain/auth";
import { env } from "@/lib/config/env";
import { classifyError, type DriverError } from "@/lib/domain/connection-check";
import { type Discovered, type Lead, leadKey, leadsFrom, type LeadNote } from "@/lib/domain/discovery";
import { findServer, listServers, loadTarget, UNSEALABLE } from "@/lib/data/servers";
import { withConnection } from "@/lib/mysql/connection";
import { inspectServer } from "@/lib/mysql/discovery";
import { mapLimit } from "@/lib/mysql/limit";
import { createServer, type Outcome } from "./servers";

/** Bounds of one crawl. */
export interface CrawlLimits {
  maxDepth: number;
  maxServers: number;
  concurrency: number;
}

const DEFAULT_LIMITS: CrawlLimits = { maxDepth: 6, maxServers: 200, concurrency: 8 };

/** Crawls from `seedId` with the seed's credentials; every server found says how, and why when it could not be read. */
export async function crawl(seedId: string, limits: CrawlLimits = DEFAULT_LIMITS): Promise<Outcome<{ servers: Discovered[]; notes: LeadNote[] }>> {
  const [seed, creds] = await Promise.all([findServer(seedId), loadTarget(seedId)]);
  if (!seed || !creds) return { ok: false, status: 404, error: "No such server." };
  const { password } = creds;
  if (password === null) return { ok: false, status: 400, error: UNSEALABLE };
  const registered = new Map((await listServers()).map((s) => [leadKey(s.host, s.port), s.name]));
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
        const d: Discovered = { host: lead.host, port: lead.port, foundVia: [lead.via], depth, reachable: false, reason: null, serverId: null, flavor: null, version: null, registeredAs: registered.get(k) ?? null };
        found.set(k, d);
        toVisit.push(d);
      }
    }
    const visited = await mapLimit(toVisit, limits.concurrency, async (d) => {
      const where = `${d.host}:${d.port}`;
      try {
        const rows = await withConnection({ ...creds, password, host: d.host, port: d.port }, { connectTimeoutMs: timeoutMs, queryTimeoutMs: timeoutMs }, inspectServer);
        Object.assign(d, { reachable: true, serverId: rows.serverId, flavor: rows.version.flavor, version: rows.version.text });
        return leadsFrom(where, rows);
      } catch (e) {
        const r = classifyError(e as DriverError, where, timeoutMs);
        d.reason = r.status === "access_denied" ? `access denied with the credentials of the seed (${seed.user}); register it with other credentials` : r.detail;
        return { leads: [], notes: [] };
      }
    });
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

/** Registers the chosen servers with the seed's credentials (or the given ones), in the seed's cluster. */
export async function registerDiscovered(seedId: string, chosen: ChosenServer[], credentials?: { user: string; password: string }, caller?: Caller) {
  const [seed, creds] = await Promise.all([findServer(seedId), loadTarget(seedId)]);
  if (!seed || !creds) return [{ name: "", ok: false as const, error: "No such seed server." }];
  if (!credentials && creds.password === null) return [{ name: "", ok: false as const, error: UNSEALABLE }];
  const results = [];
  for (const c of chosen) {
    const r = await createServer({ ...c, user: credentials?.user ?? creds.user, password: credentials?.password ?? creds.password!, tlsMode: creds.tlsMode, cluster: seed.cluster }, caller);
    results.push(r.ok ? { name: c.name, ok: true as const, status: r.value.check.status } : { name: c.name, ok: false as const, error: Object.values(r.fieldErrors ?? {}).flat().join(" ") || r.error });
  }
  return results;
}
