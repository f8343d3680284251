// Semi-sync edges: marked when the replica acknowledges and its source has semi-sync enabled.
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "./health";
import type { ChannelStatus } from "./replica-status";
import { normaliseFacts } from "./server-facts";
import { evaluateServer } from "./server-status";
import { buildGraph, type GraphServer } from "./topology";

const rows = (o: Record<string, string>) => Object.entries(o).map(([Variable_name, Value]) => ({ Variable_name, Value }));
const channel = (port: number, o: Partial<ChannelStatus> = {}) => ({ channel: "", sourceHost: "db", sourcePort: port, sourceServerId: null, ioThread: "running", ...o }) as ChannelStatus;

function server(name: string, port: number, channels: ChannelStatus[], vars: Record<string, string>, status: Record<string, string>): GraphServer {
  const facts = normaliseFacts({ server_id: port, read_only: 1, log_bin: 1, binlog_format: "ROW", gtid_current_pos: "" }, rows(vars), rows(status));
  const st = evaluateServer({ ok: true, channels: channels.map((c) => ({ ...c, sqlThread: "running", secondsBehind: 0, sqlDelay: 0, lastIoErrno: 0, lastSqlErrno: 0 })), facts, source: null, heartbeatLag: null }, DEFAULT_THRESHOLDS, 1, null);
  return { id: name, name, host: "db", port, cluster: null, flavor: "mariadb", version: "10.11.6", status: st };
}

const SOURCE_ON = { rpl_semi_sync_master_enabled: "ON", rpl_semi_sync_slave_enabled: "OFF" };
const ACKING = { rpl_semi_sync_master_enabled: "OFF", rpl_semi_sync_slave_enabled: "ON" };

describe("semi-sync edges", () => {
  it("marks the edge of an acknowledging replica, not an asynchronous sibling's", () => {
    const src = server("s", 1, [], SOURCE_ON, { Rpl_semi_sync_master_status: "ON", Rpl_semi_sync_master_clients: "1" });
    const semi = server("semi", 2, [channel(1)], ACKING, { Rpl_semi_sync_slave_status: "ON" });
    const plain = server("plain", 3, [channel(1)], { rpl_semi_sync_master_enabled: "OFF", rpl_semi_sync_slave_enabled: "OFF" }, {});
    const g = buildGraph([src, semi, plain]);
    expect(Object.fromEntries(g.edges.map((e) => [e.to, e.semiSync]))).toEqual({ "db:2": true, "db:3": false });
  });
  it("is not semi-sync when the source has it off or the receiver is stopped", () => {
    const off = server("s", 1, [], { rpl_semi_sync_master_enabled: "OFF" }, {});
    const semi = server("semi", 2, [channel(1)], ACKING, { Rpl_semi_sync_slave_status: "ON" });
    expect(buildGraph([off, semi]).edges[0].semiSync).toBe(false);
    const on = server("s", 1, [], SOURCE_ON, { Rpl_semi_sync_master_status: "ON" });
    const stopped = server("semi", 2, [channel(1, { ioThread: "stopped" })], ACKING, { Rpl_semi_sync_slave_status: "OFF" });
    expect(buildGraph([on, stopped]).edges[0].semiSync).toBe(false);
  });
});
