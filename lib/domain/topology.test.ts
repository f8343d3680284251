import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "./health";
import type { ChannelStatus } from "./replica-status";
import { normaliseFacts } from "./server-facts";
import { evaluateServer } from "./server-status";
import { buildClusters, buildGraph, type GraphServer } from "./topology";

function channel(sourceHost: string, sourcePort: number, o: Partial<ChannelStatus> = {}): ChannelStatus {
  return {
    channel: "", sourceHost, sourceUser: "repl", sourcePort, sourceServerId: null, sourceUuid: null, ioThread: "running", sqlThread: "running", ioState: "", applierState: "",
    secondsBehind: 0, sqlDelay: 0, sqlRemainingDelay: null, lastIoErrno: 0, lastIoError: "", lastIoErrorAt: null, lastSqlErrno: 0, lastSqlError: "",
    lastSqlErrorAt: null, sourceLogFile: "", readSourceLogPos: 0, relaySourceLogFile: "", execSourceLogPos: 0, relayLogFile: "", relayLogPos: 0,
    retrievedGtidSet: "", executedGtidSet: "", gtidIoPos: "", gtidSlavePos: "", usingGtid: false, gtidMode: "off", filters: [], ...o,
  };
}

function server(name: string, host: string, port: number, serverId: number, channels: ChannelStatus[] = [], cluster: string | null = null): GraphServer {
  const facts = normaliseFacts({ server_id: serverId, read_only: channels.length ? 1 : 0, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "" });
  return { id: name, name, host, port, cluster, flavor: "mariadb", version: "10.11.6", status: evaluateServer({ ok: true, channels, facts, source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1, null) };
}

const roles = (nodes: { name: string; role: string }[]) => Object.fromEntries(nodes.map((n) => [n.name, n.role]));

describe("buildGraph", () => {
  it("builds a chain with a relay in the middle", () => {
    const g = buildGraph([server("s", "db1", 3306, 1), server("r1", "db2", 3306, 2, [channel("db1", 3306)]), server("r2", "db3", 3306, 3, [channel("db2", 3306)])]);
    expect(g.edges.map((e) => [e.from, e.to])).toEqual([["db1:3306", "db2:3306"], ["db2:3306", "db3:3306"]]);
    expect(roles(g.nodes)).toEqual({ s: "source", r1: "relay", r2: "replica" });
  });

  it("marks master-master pairs and longer rings as co-sources", () => {
    const pair = buildGraph([server("a", "a", 1, 1, [channel("b", 1)]), server("b", "b", 1, 2, [channel("a", 1)])]);
    expect(roles(pair.nodes)).toEqual({ a: "co-source", b: "co-source" });
    const ring = buildGraph([server("a", "a", 1, 1, [channel("c", 1)]), server("b", "b", 1, 2, [channel("a", 1)]), server("c", "c", 1, 3, [channel("b", 1)]), server("d", "d", 1, 4, [channel("c", 1)])]);
    expect(roles(ring.nodes)).toEqual({ a: "co-source", b: "co-source", c: "co-source", d: "replica" });
  });

  it("draws one labelled edge per channel of a multi-source replica", () => {
    const g = buildGraph([server("a", "a", 1, 1), server("b", "b", 1, 2), server("m", "m", 1, 3, [channel("a", 1, { channel: "from_a" }), channel("b", 1, { channel: "from_b", lastSqlErrno: 1062, lastSqlError: "Duplicate", sqlThread: "stopped" })])]);
    expect(g.edges.map((e) => [e.from, e.channel, e.state])).toEqual([["a:1", "from_a", "ok"], ["b:1", "from_b", "broken"]]);
    expect(g.edges[1].error).toBe("1062: Duplicate");
  });

  it("adds an unregistered source as a ghost node, once", () => {
    const g = buildGraph([server("r1", "db2", 3306, 2, [channel("10.9.9.9", 3306, { sourceServerId: 7 })]), server("r2", "db3", 3306, 3, [channel("10.9.9.9", 3306, { sourceServerId: 7 })])]);
    const ghosts = g.nodes.filter((n) => !n.registered);
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]).toMatchObject({ id: "10.9.9.9:3306", serverId: 7, role: "source", state: "unknown" });
  });

  it("matches a source named by IP to its registered node by server_id", () => {
    const g = buildGraph([server("s", "db1.example.com", 3306, 1), server("r", "db2.example.com", 3306, 2, [channel("10.0.0.1", 3306, { sourceServerId: 1 })])]);
    expect(g.nodes).toHaveLength(2);
    expect(g.edges[0].from).toBe("db1.example.com:3306");
  });
});

describe("matching by server_uuid", () => {
  it("matches a MySQL source named by another address through its server_uuid", () => {
    const s = server("s", "db1", 3306, 1);
    s.status!.facts!.serverUuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    const g = buildGraph([s, server("r", "db2", 3306, 2, [channel("192.168.7.7", 3307, { sourceUuid: "3e11fa47-71ca-11e1-9e33-c80aa9429562" })])]);
    expect(g.nodes).toHaveLength(2);
    expect(g.edges[0].from).toBe("db1:3306");
  });
});

describe("buildClusters", () => {
  it("splits connected components, names them by the user's cluster name or their source, standalone servers alone", () => {
    const clusters = buildClusters([
      server("s", "db1", 1, 1, [], "payments"), server("r", "db2", 1, 2, [channel("db1", 1)]),
      server("x", "x", 1, 5), server("y", "y", 1, 6, [channel("x", 1)]),
      server("lone", "lone", 1, 9),
    ]);
    expect(clusters.map((c) => [c.name, c.nodes.length, c.edges.length])).toEqual([["payments", 2, 1], ["x", 2, 1], ["lone", 1, 0]]);
  });
});
