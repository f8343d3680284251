// The overview's slim rows: only what an overview row shows (no semi-sync, Galera, group, version, error), from the
// cached status report, serialised once per report — the first payload and every 2-second refresh stay small at 10,000 servers.
import "server-only";
import type { ChannelReport, ProblemReport, ServerReport } from "./status";
import { cachedStatusReport } from "./status";

/** One overview row: identity, state and since when, lag and its source, freshness, problems, and each channel's source and delay. */
export type OverviewRow = Pick<ServerReport, "id" | "name" | "host" | "port" | "cluster" | "tags" | "state" | "lagSeconds" | "lagSource" | "checkedAt" | "stale" | "stateSince"> & {
  problems: Pick<ProblemReport, "code" | "severity" | "message" | "since">[];
  channels: Pick<ChannelReport, "name" | "sourceHost" | "sourcePort" | "sqlDelay">[];
};

/** What GET /api/status/overview returns and the overview page starts from. */
export interface OverviewResponse {
  checkedAt: string | null;
  servers: OverviewRow[];
  staleAfterSeconds: number;
}

/** A report cut to what its overview row shows. */
export function overviewRow(s: ServerReport): OverviewRow {
  return {
    id: s.id, name: s.name, host: s.host, port: s.port, cluster: s.cluster, tags: s.tags, state: s.state, lagSeconds: s.lagSeconds,
    lagSource: s.lagSource, checkedAt: s.checkedAt, stale: s.stale, stateSince: s.stateSince,
    problems: s.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, since: p.since })),
    channels: s.channels.map((c) => ({ name: c.name, sourceHost: c.sourceHost, sourcePort: c.sourcePort, sqlDelay: c.sqlDelay })),
  };
}

const memo = new WeakMap<object, { data: OverviewResponse; body?: string }>();

/** The overview rows from the shared cached report (built once per report, whoever asks). */
export async function overviewStatus(): Promise<OverviewResponse> {
  return entry(await cachedStatusReport()).data;
}

/** The body of GET /api/status/overview, serialised once per report. */
export async function overviewStatusBody(): Promise<string> {
  const e = entry(await cachedStatusReport());
  e.body ??= JSON.stringify(e.data);
  return e.body;
}

function entry(report: { checkedAt: string | null; servers: ServerReport[]; staleAfterSeconds: number }) {
  let e = memo.get(report);
  if (!e) {
    e = { data: { checkedAt: report.checkedAt, servers: report.servers.map(overviewRow), staleAfterSeconds: report.staleAfterSeconds } };
    memo.set(report, e);
  }
  return e;
}
