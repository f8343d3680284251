// The on-call view of every server: latest status, problems, freshness — the shape of GET /api/status.
import "server-only";
import { formerSourceList } from "@/lib/data/failover";
import { env } from "@/lib/config/env";
import { listServers, registryStamp, type ServerRecord } from "@/lib/data/servers";
import { lagSparklines, latestStatusesWithSince } from "@/lib/data/status";
import { loadAlerts } from "@/lib/data/alerts";
import { alertId } from "@/lib/domain/alerts/lifecycle";
import { galeraMemberRows, type GaleraMemberRow } from "@/lib/domain/cluster-members";
import type { GaleraState } from "@/lib/domain/galera";
import type { GroupState } from "@/lib/domain/group-replication";
import { compareText } from "@/lib/domain/collate";
import { compareHealth, HEALTH_ORDER, type HealthState, type LagSource } from "@/lib/domain/health";
import { clusterOf, findProblems, type Problem, type ServerForProblems } from "@/lib/domain/problems";
import { downstreamOf, repointTargets } from "@/lib/domain/operations/targets";
import { NO_SEMI_SYNC, type SemiSync } from "@/lib/domain/semi-sync";
import { isStale, type ServerStatus } from "@/lib/domain/server-status";
import { monitor } from "./monitor";

/** One channel as the API reports it. */
export interface ChannelReport {
  name: string;
  sourceHost: string;
  sourcePort: number;
  ioThread: string;
  sqlThread: string;
  state: HealthState;
  lagSeconds: number | null;
  lagSource: LagSource | null;
  sqlDelay: number;
  sqlRemainingDelay: number | null;
  applierState: string;
  lastIoErrno: number;
  lastIoError: string;
  lastSqlErrno: number;
  lastSqlError: string;
}

/** A server's Galera view as the API reports it: every field null when the server is not a Galera member. */
export type GaleraReport = { member: boolean } & { [K in keyof GaleraState]: GaleraState[K] | null };

const NO_GALERA: GaleraReport = {
  member: false, clusterName: null, nodeName: null, clusterSize: null, clusterStatus: null, primary: null, localState: null, ready: null, connected: null,
  flowControlPaused: null, recvQueueAvg: null, stateUuid: null, incomingAddresses: null, desync: null,
};

/** The `galera` object of a server's report (last known values while it is unreachable). */
export const galeraReport = (s: ServerStatus | null): GaleraReport => (s?.galera ? { member: true, ...s.galera } : NO_GALERA);

/** One problem as the API reports it: with when it began (null until the alert engine has seen it). */
export type ProblemReport = Problem & { since: string | null };

/** One server as the API and the overview report it. */
export interface ServerReport {
  id: string;
  name: string;
  host: string;
  port: number;
  cluster: string | null;
  tags: string[];
  flavor: string | null;
  version: string | null;
  state: HealthState;
  lagSeconds: number | null;
  lagSource: LagSource | null;
  checkedAt: string | null;
  stale: boolean;
  error: string | null;
  /** When the current health state began (ISO 8601; null when unknown). */
  stateSince: string | null;
  problems: ProblemReport[];
  channels: ChannelReport[];
  /** Semi-sync as source and as replica (every field null when unknown or without the plugin). */
  semiSync: SemiSync;
  /** Galera membership and state (nulls when not a member). */
  galera: GaleraReport;
  /** Group Replication view (null when not a group member). */
  group: GroupState | null;
}

/** The cluster problem thresholds from the configuration. */
export function clusterLimits() {
  const e = env();
  return { galeraFlowControl: e.REPLSCOPE_GALERA_FLOW_CONTROL_WARN, groupApplierQueue: e.REPLSCOPE_GROUP_APPLIER_QUEUE_WARN };
}

/** After how many seconds without a check a row is stale: three poll intervals plus a connect timeout. */
export function staleAfterSeconds(): number {
  const e = env();
  return (3 * e.REPLSCOPE_POLL_INTERVAL_MS + e.REPLSCOPE_CONNECT_TIMEOUT_MS) / 1000;
}

function channelReport(c: ServerStatus["channels"][number]): ChannelReport {
  return {
    name: c.channel, sourceHost: c.sourceHost, sourcePort: c.sourcePort, ioThread: c.ioThread, sqlThread: c.sqlThread, state: c.state,
    lagSeconds: c.lagSeconds, lagSource: c.lagSource, sqlDelay: c.sqlDelay, sqlRemainingDelay: c.sqlRemainingDelay, applierState: c.applierState,
    lastIoErrno: c.lastIoErrno, lastIoError: c.lastIoError, lastSqlErrno: c.lastSqlErrno, lastSqlError: c.lastSqlError,
  };
}

const isoSeconds = (t: number | null | undefined) => (t == null ? null : new Date(t * 1000).toISOString());

function report(r: ServerRecord, s: ServerStatus | null, problems: ProblemReport[], now: number, staleAfter: number, stateSince: number | null): ServerReport {
  return {
    id: r.id, name: r.name, host: r.host, port: r.port, cluster: r.cluster, tags: r.tags, flavor: r.flavor, version: r.version,
    state: s?.state ?? "unknown",
    lagSeconds: s && s.state !== "unreachable" ? s.lagSeconds : null,
    lagSource: s && s.state !== "unreachable" ? s.lagSource : null,
    checkedAt: s ? new Date(s.checkedAt * 1000).toISOString() : null,
    stale: s ? isStale(s, now, staleAfter) : true,
    error: s?.error ?? null,
    stateSince: isoSeconds(stateSince),
    problems,
    channels: (s?.channels ?? []).map(channelReport),
    semiSync: s?.facts?.semiSync ?? NO_SEMI_SYNC,
    galera: galeraReport(s),
    group: s?.group ?? null,
  };
}

/** The registry and every server's latest status, read together (pages read it once per request: lib/services/request.ts). */
export interface RegistryView {
  servers: ServerRecord[];
  statuses: Map<string, ServerStatus>;
  /** Since when each server is in its health state (epoch seconds; null when unknown). */
  stateSince: Map<string, number | null>;
}

/** One read of the registry and of the latest statuses. */
export async function readRegistryView(): Promise<RegistryView> {
  const [servers, { statuses, stateSince }] = await Promise.all([listServers(), latestStatusesWithSince()]);
  return { servers, statuses, stateSince };
}

/** What GET /api/status returns: every server's report, worst first, and the newest check. */
export interface StatusResponse {
  checkedAt: string | null;
  servers: ServerReport[];
  /** After how many seconds without a check a server counts as stale (the overview says when the poller falls behind). */
  staleAfterSeconds: number;
}

/** What GET /api/servers/:id/status returns (and the server page starts from). */
export interface ServerStatusResponse {
  report: ServerReport;
  status: ServerStatus | null;
  /** Why the heartbeat writer last failed on this server, or null. */
  heartbeatError: string | null;
  /** Its Galera cluster's members, each as it reports itself (empty when not a Galera member). */
  galeraMembers: GaleraMemberRow[];
}

/** Since when each problem has been seen, from the alert engine's records (alert id → epoch seconds). */
async function problemSince(): Promise<Map<string, number>> {
  return new Map((await loadAlerts()).filter((a) => a.state !== "resolved").map((a) => [a.id, a.since]));
}

/** Every server's latest status with its problems (each since when), worst first (from `view` when the caller already read it). */
export async function statusReport(view?: RegistryView): Promise<StatusResponse & { statuses: Map<string, ServerStatus> }> {
  const [{ servers, statuses, stateSince }, since, former] = await Promise.all([view ?? readRegistryView(), problemSince(), formerSourceList()]);
  const now = Date.now() / 1000;
  const staleAfter = staleAfterSeconds();
  const problems = findProblems(servers.map((r) => ({ ...r, status: statuses.get(r.id) ?? null })), now, staleAfter, former, clusterLimits());
  const withSince = (id: string) => (problems.get(id) ?? []).map((p) => ({ ...p, since: isoSeconds(since.get(alertId(id, p.channel ?? "", p.code))) }));
  const reports = servers
    .map((r) => report(r, statuses.get(r.id) ?? null, withSince(r.id), now, staleAfter, stateSince.get(r.id) ?? null))
    .sort((a, b) => compareHealth(a.state, b.state) || b.problems.length - a.problems.length || compareText(a.name, b.name));
  const latest = Math.max(0, ...[...statuses.values()].map((s) => s.checkedAt));
  return { checkedAt: latest ? new Date(latest * 1000).toISOString() : null, servers: reports, staleAfterSeconds: staleAfter, statuses };
}

type Report = StatusResponse & { statuses: Map<string, ServerStatus> };
interface Cached {
  stamp: string;
  builtAt: number;
  report: Report;
  /** The response body, serialised once per report (8 MB at 10,000 servers). */
  body?: string;
}
interface CacheState {
  replscopeStatusCache?: Cached;
  replscopeStatusBuild?: Promise<Cached> | null;
  /** The registry as read under a stamp: re-read only when the stamp changes. */
  replscopeStatusServers?: { stamp: string; servers: Promise<ServerRecord[]> };
  /** When a caller last asked (the background refresh runs while someone does). */
  replscopeStatusAskedAt?: number;
  replscopeStatusTimer?: ReturnType<typeof setTimeout> | null;
}
const cache = globalThis as unknown as CacheState;

/** A report older than this many poll intervals (nobody asked meanwhile) is rebuilt before it is served. */
const COLD_INTERVALS = 10;

/** The registry under `stamp`, read once per stamp (listing 10,000 servers costs about a second). */
function serversAt(stamp: string): Promise<ServerRecord[]> {
  const last = cache.replscopeStatusServers;
  if (last?.stamp === stamp) return last.servers;
  const servers = listServers();
  cache.replscopeStatusServers = { stamp, servers };
  servers.catch(() => cache.replscopeStatusServers?.servers === servers && delete cache.replscopeStatusServers);
  return servers;
}

async function buildUnder(stamp: string): Promise<Report> {
  const [servers, { statuses, stateSince }] = await Promise.all([serversAt(stamp), latestStatusesWithSince()]);
  return statusReport({ servers, statuses, stateSince });
}

const bodyOf = (r: Report) => JSON.stringify({ checkedAt: r.checkedAt, servers: r.servers, staleAfterSeconds: r.staleAfterSeconds } satisfies StatusResponse);

/** Builds the report once for everyone asking meanwhile (serialised with it when the last one was), keeping its registry stamp. */
function rebuild(stamp: string): Promise<Cached> {
  cache.replscopeStatusBuild ??= buildUnder(stamp)
    .then((report) => (cache.replscopeStatusCache = { stamp, builtAt: Date.now(), report, body: cache.replscopeStatusCache?.body === undefined ? undefined : bodyOf(report) }))
    .finally(() => (cache.replscopeStatusBuild = null));
  return cache.replscopeStatusBuild;
}

/** While someone asked within the cold limit, rebuilds every half interval so a served report stays fresh. */
function keepWarm(interval: number) {
  if (cache.replscopeStatusTimer) return;
  const tick = async () => {
    cache.replscopeStatusTimer = null;
    if (Date.now() - (cache.replscopeStatusAskedAt ?? 0) > COLD_INTERVALS * interval) return;
    const last = cache.replscopeStatusCache;
    if (last && Date.now() - last.builtAt >= interval / 2) await rebuild(await registryStamp()).catch(() => {});
    keepWarm(interval);
  };
  cache.replscopeStatusTimer = setTimeout(() => void tick(), interval / 2);
  cache.replscopeStatusTimer.unref?.();
}

async function current(): Promise<Cached> {
  const stamp = await registryStamp();
  const interval = env().REPLSCOPE_POLL_INTERVAL_MS;
  cache.replscopeStatusAskedAt = Date.now();
  keepWarm(interval);
  const last = cache.replscopeStatusCache;
  if (!last || last.stamp !== stamp) {
    const built = await rebuild(stamp);
    return built.stamp === stamp ? built : { stamp, builtAt: Date.now(), report: await buildUnder(stamp) };
  }
  const age = Date.now() - last.builtAt;
  if (age > COLD_INTERVALS * interval) return rebuild(stamp);
  if (age >= interval / 2) void rebuild(stamp).catch(() => {});
  return last;
}

/**
 * statusReport for GET /api/status, the overview and the tab title, never making a caller wait for a rebuild while a
 * report of the current registry exists: it is served as it is, and once it is half a poll interval old one rebuild
 * starts in the background (also every half interval while anyone asked lately, so what is served stays under about
 * one interval old). Callers wait only when the registry changed (a registered, changed or removed server shows at
 * once, on any instance: the stamp is read from the database on every call), for the first report, or when nobody
 * asked for COLD_INTERVALS poll intervals.
 */
export async function cachedStatusReport(): Promise<Report> {
  return (await current()).report;
}

/** Rebuilds the cached report now as the background refresh does (registry read once per stamp; body serialised when it was before): bench:api times it. */
export async function refreshStatusReport(): Promise<Report> {
  return (await rebuild(await registryStamp())).report;
}

/** The body of GET /api/status ({ checkedAt, servers, staleAfterSeconds } as JSON), from cachedStatusReport's report, serialised once. */
export async function cachedStatusBody(): Promise<string> {
  const c = await current();
  c.body ??= bodyOf(c.report);
  return c.body;
}

/** One server's full status (every normalised field), problems and heartbeat error, for the server page and its API. */
export async function serverStatusDetail(id: string, view?: RegistryView): Promise<ServerStatusResponse | null> {
  const v = view ?? (await readRegistryView());
  const { servers, statuses } = await statusReport(v);
  const report = servers.find((s) => s.id === id);
  const galeraMembers = galeraMemberRows(v.servers.map((r) => ({ ...r, status: statuses.get(r.id) ?? null })), id);
  return report ? { report, status: statuses.get(id) ?? null, heartbeatError: monitor().heartbeat.errors.get(id) ?? statuses.get(id)?.heartbeatWriteError ?? null, galeraMembers } : null;
}

async function registryWithStatus(view?: RegistryView): Promise<ServerForProblems[]> {
  const { servers, statuses } = view ?? (await readRegistryView());
  return servers.map((r) => ({ ...r, status: statuses.get(r.id) ?? null }));
}

const brief = (s: ServerForProblems) => ({ id: s.id, name: s.name });

function peersIn(servers: ServerForProblems[], id: string) {
  const cluster = clusterOf(servers);
  return servers.filter((r) => r.id !== id && cluster.get(r.id) === cluster.get(id)).map(brief).sort((a, b) => compareText(a.name, b.name));
}

/** The other servers of a server's topology (same cluster by replication links or cluster name), e.g. for a switchover. */
export async function topologyPeers(id: string): Promise<{ id: string; name: string }[]> {
  return peersIn(await registryWithStatus(), id);
}

/** For the server page, from one read of the registry: its topology peers and where it may be repointed. */
export async function serverNeighbours(id: string, view?: RegistryView): Promise<{ peers: { id: string; name: string }[]; repointTargets: { id: string; name: string }[] }> {
  const servers = await registryWithStatus(view);
  return { peers: peersIn(servers, id), repointTargets: repointTargets(servers, id).map(brief) };
}

/** Ids of the registered servers replicating from `id`, directly or not (by the latest poll): a repoint there is a loop. */
export async function downstreamIds(id: string): Promise<string[]> {
  return [...downstreamOf(await registryWithStatus(), id)];
}

/** What GET /api/status/sparklines returns: per server, the worst lag per minute over the last 15 minutes (null: unknown). */
export interface SparklinesResponse {
  from: number;
  bucketSeconds: number;
  series: Record<string, (number | null)[]>;
}

/** The overview's sparklines (of `ids` only when given: the rows drawn), from grouped queries over the samples. */
export async function overviewSparklines(minutes = 15, ids?: string[]): Promise<SparklinesResponse> {
  const bucketSeconds = 60;
  const from = Math.floor(Date.now() / 1000 / bucketSeconds) * bucketSeconds - (minutes - 1) * bucketSeconds;
  return { from, bucketSeconds, series: Object.fromEntries(await lagSparklines(from, bucketSeconds, minutes, ids)) };
}

/** What GET /api/status/summary returns: servers per state, how many are stale, the newest check (tab title, favicon). */
export interface StatusSummary {
  counts: Partial<Record<HealthState, number>>;
  total: number;
  stale: number;
  checkedAt: string | null;
  staleAfterSeconds: number;
}

/** The fleet in a few numbers, for every page's tab title and favicon. */
export async function statusSummary(): Promise<StatusSummary> {
  const { servers, checkedAt, staleAfterSeconds } = await cachedStatusReport();
  const counts: Partial<Record<HealthState, number>> = {};
  for (const s of servers) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return { counts: Object.fromEntries(HEALTH_ORDER.filter((s) => counts[s]).map((s) => [s, counts[s]])), total: servers.length, stale: servers.filter((s) => s.stale).length, checkedAt, staleAfterSeconds };
}
