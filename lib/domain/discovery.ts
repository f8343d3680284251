// Discovery: from what one server says (its source, its listed replicas, its binlog dump threads), the servers to
// visit next and how each was found; plus the plain reason when one cannot be reached (pure).
import { z } from "zod";
import { noControlChars } from "./control-chars";
import { normaliseReplicaHosts } from "./server-facts";
import { normaliseReplicaRows } from "./replica-status";
import { cellText } from "./cell-text";
import { nameValueMap, parseIncomingAddresses, splitAddress } from "./galera";

/** A server discovery knows of, before or after visiting it. */
export interface Lead {
  host: string;
  port: number;
  via: string;
}

/** What a visited server said, as raw rows. */
export interface InspectRows {
  replicaRows: Record<string, unknown>[];
  hostRows: Record<string, unknown>[];
  dumpRows: Record<string, unknown>[];
  /** wsrep status rows (wsrep_incoming_addresses) on a Galera member; empty elsewhere. */
  galeraRows?: Record<string, unknown>[];
}

/** One discovered server in the result. */
export interface Discovered {
  host: string;
  port: number;
  foundVia: string[];
  depth: number;
  reachable: boolean;
  /** Whether replscope connected to it at all (an unregistered server is only contacted when the crawl opted in). */
  contacted: boolean;
  reason: string | null;
  serverId: number | null;
  flavor: string | null;
  version: string | null;
  registeredAs: string | null;
}

/** Problems seen while reading leads (e.g. a replica listed without report_host). */
export interface LeadNote {
  via: string;
  reason: string;
}

const hostOf = (processHost: string) => processHost.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");

/** The leads one server gives: its sources, the replicas it lists, and dump threads not explained by the list. */
export function leadsFrom(name: string, rows: InspectRows): { leads: Lead[]; notes: LeadNote[] } {
  const leads: Lead[] = [];
  const notes: LeadNote[] = [];
  for (const c of normaliseReplicaRows(rows.replicaRows)) leads.push({ host: c.sourceHost, port: c.sourcePort, via: `source of ${name}${c.channel ? ` (channel ${c.channel})` : ""}` });
  const listed = normaliseReplicaHosts(rows.hostRows);
  for (const r of listed) {
    if (!r.host || !r.port) notes.push({ via: `listed by ${name}`, reason: `replica with server_id ${r.serverId} is listed by the source but report_host is not set` });
    else leads.push({ host: r.host, port: r.port, via: `listed by ${name} (replica hosts)` });
  }
  for (const d of rows.dumpRows) {
    const host = hostOf(cellText(d.HOST ?? d.Host));
    if (!host || listed.some((r) => r.host === host)) continue;
    notes.push({ via: `binlog dump thread on ${name}`, reason: `a replica at ${host} streams the binlog but is not listed with a port (set report_host/report_port on it); tried port 3306` });
    leads.push({ host, port: 3306, via: `binlog dump thread on ${name}` });
  }
  leads.push(...galeraPeers(name, rows.galeraRows ?? []));
  return { leads, notes };
}

/** The other members a Galera node announces in wsrep_incoming_addresses (its own address left out). */
export function galeraPeers(name: string, galeraRows: Record<string, unknown>[]): Lead[] {
  const announced = parseIncomingAddresses(nameValueMap(galeraRows).get("wsrep_incoming_addresses") ?? "");
  return announced.filter((a) => a.toLowerCase() !== name.toLowerCase()).map((a) => {
    const { host, port } = splitAddress(a);
    return { host, port, via: `Galera peer of ${name} (wsrep_incoming_addresses)` };
  });
}

/** The key discovery deduplicates servers by. */
export const leadKey = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

/** Why a found server was not contacted: it is not registered and the crawl did not opt in to the seed's credentials. */
export const NOT_CONTACTED = "not registered; not contacted (tick “Try the seed's credentials on servers not yet registered” to read it with the seed's credentials)";

/** Why registering with the seed's credentials needs its password typed: it sends that password to new hosts. */
export const SEED_PASSWORD_NEEDED = "Type the seed's password to register servers with the seed's credentials";

/** Why a host cannot be registered from a crawl: no recent crawl of this seed found it. */
export const NOT_FOUND_BY_CRAWL = "was not found by a recent crawl from this seed: run Discover again, or add it as a new server";

/** Which credentials found servers are registered with: the seed's (its password typed again) or other ones given now. */
export const registerCredentialsSchema = z.discriminatedUnion("use", [
  z.object({
    use: z.literal("seed"),
    password: noControlChars(z.string({ error: SEED_PASSWORD_NEEDED }), "Password").max(512, "At most 512 characters"),
  }),
  z.object({
    use: z.literal("other"),
    user: noControlChars(z.string({ error: "User is required" }), "User").min(1, "User is required").max(80, "At most 80 characters"),
    password: noControlChars(z.string({ error: "Password is required (it may be empty)" }), "Password").max(512, "At most 512 characters"),
  }),
], { error: "Choose the credentials to register them with: the seed's, or other ones" });
export type RegisterCredentials = z.infer<typeof registerCredentialsSchema>;

/** The servers chosen from a crawl to register, with names, and the credentials to use. */
export const registerChoiceSchema = z.object({
  seedId: z.string().min(1),
  servers: z.array(z.object({
    name: z.string().trim().min(1, "Name is required").max(100),
    host: noControlChars(z.string(), "Host").min(1),
    port: z.number().int().min(1).max(65535),
  })).min(1, "Choose at least one server"),
  credentials: registerCredentialsSchema,
});
