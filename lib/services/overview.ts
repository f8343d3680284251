// The overview as the server sends it: counts per state and cluster plus only the rows drawn for the request's filter,
// each row slim (what an overview row shows), from the cached status report — first render and every 2-second refresh
// stay small and cheap at 10,000 servers.
import "server-only";
import { overviewPage, type OverviewPage, type PageRequest, pageRequestQuery } from "@/lib/domain/overview/page";
import type { ChannelReport, ProblemReport, ServerReport } from "./status";
import { cachedStatusReport } from "./status";

/** One overview row: identity, state and since when, lag and its source, freshness, problems, and each channel's source and delay. */
export type OverviewRow = Pick<ServerReport, "id" | "name" | "host" | "port" | "cluster" | "tags" | "state" | "lagSeconds" | "lagSource" | "checkedAt" | "stale" | "stateSince"> & {
  problems: Pick<ProblemReport, "code" | "severity" | "message" | "since">[];
  channels: Pick<ChannelReport, "name" | "sourceHost" | "sourcePort" | "sqlDelay">[];
};

/** What GET /api/status/overview returns and the overview page starts from: one page of the overview, with freshness. */
export type OverviewResponse = OverviewPage<OverviewRow> & { checkedAt: string | null; staleAfterSeconds: number };

/** A report cut to what its overview row shows. */
export function overviewRow(s: ServerReport): OverviewRow {
  return {
    id: s.id, name: s.name, host: s.host, port: s.port, cluster: s.cluster, tags: s.tags, state: s.state, lagSeconds: s.lagSeconds,
    lagSource: s.lagSource, checkedAt: s.checkedAt, stale: s.stale, stateSince: s.stateSince,
    problems: s.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, since: p.since })),
    channels: s.channels.map((c) => ({ name: c.name, sourceHost: c.sourceHost, sourcePort: c.sourcePort, sqlDelay: c.sqlDelay })),
  };
}

/** Pages answered per report, kept for the dashboards polling the same filters (oldest dropped first). */
const PAGES_PER_REPORT = 32;
type Entry = { data: OverviewResponse; body?: string };
const memo = new WeakMap<object, Map<string, Entry>>();

type Report = { checkedAt: string | null; servers: ServerReport[]; staleAfterSeconds: number };

function entry(report: Report, r: PageRequest) {
  let pages = memo.get(report);
  if (!pages) memo.set(report, (pages = new Map<string, Entry>()));
  const key = pageRequestQuery(r);
  let e = pages.get(key);
  if (!e) {
    e = { data: { ...overviewPage(report.servers, r, overviewRow), checkedAt: report.checkedAt, staleAfterSeconds: report.staleAfterSeconds } };
    if (pages.size >= PAGES_PER_REPORT) pages.delete(pages.keys().next().value!);
    pages.set(key, e);
  }
  return e;
}

/** One page of the overview from the shared cached report (computed once per report and request, whoever asks). */
export async function overviewStatus(r: PageRequest): Promise<OverviewResponse> {
  return entry(await cachedStatusReport(), r).data;
}

/** The body of GET /api/status/overview for a request, serialised once per report and request. */
export async function overviewStatusBody(r: PageRequest): Promise<string> {
  const e = entry(await cachedStatusReport(), r);
  e.body ??= JSON.stringify(e.data);
  return e.body;
}
