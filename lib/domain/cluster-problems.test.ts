import { describe, expect, it } from "vitest";
import { galeraGroups } from "./cluster-problems";
import { type GaleraState, parseGalera, parseIncomingAddresses } from "./galera";
import { groupLostQuorum, parseGroup } from "./group-replication";
import { findProblems, type ServerForProblems } from "./problems";
import type { ServerStatus } from "./server-status";
import { NO_SEMI_SYNC } from "./semi-sync";

const vars = (o: Record<string, string>) => Object.entries(o).map(([Variable_name, Value]) => ({ Variable_name, Value }));
const wsrepStatus = (o: Partial<Record<string, string>> = {}) =>
  vars({
    wsrep_cluster_size: "3", wsrep_cluster_status: "Primary", wsrep_local_state_comment: "Synced", wsrep_ready: "ON", wsrep_connected: "ON",
    wsrep_flow_control_paused: "0.000000", wsrep_local_recv_queue_avg: "0.5", wsrep_cluster_state_uuid: "u-1",
    wsrep_incoming_addresses: "127.0.0.1:3301,127.0.0.1:3302,127.0.0.1:3303", ...o,
  });

const healthyGalera = parseGalera(vars({ wsrep_on: "ON", wsrep_desync: "OFF", wsrep_cluster_name: "g" }), wsrepStatus());
const galera = (o: Partial<GaleraState> = {}): GaleraState => ({ ...healthyGalera!, ...o });

function status(o: Partial<ServerStatus> = {}): ServerStatus {
  return { state: "ok", lagSeconds: null, lagSource: null, error: null, facts: null, source: null, channels: [], checkedAt: 100, reachedAt: 100, ...o };
}
const server = (n: number, st: ServerStatus | null): ServerForProblems => ({ id: `s${n}`, name: `node${n}`, host: "127.0.0.1", port: 3300 + n, cluster: null, status: st });
const codes = (m: Map<string, { code: string }[]>, id: string) => (m.get(id) ?? []).map((p) => p.code).sort();

describe("parseGalera", () => {
  it("reads every wsrep counter and variable by name", () => {
    const g = parseGalera(vars({ wsrep_on: "ON", wsrep_desync: "ON", wsrep_node_name: "n1", wsrep_cluster_name: "prod" }), wsrepStatus({ wsrep_flow_control_paused: "0.25" }));
    expect(g).toEqual({
      clusterName: "prod", nodeName: "n1", clusterSize: 3, clusterStatus: "Primary", primary: true, localState: "Synced", ready: true, connected: true,
      flowControlPaused: 0.25, recvQueueAvg: 0.5, stateUuid: "u-1", incomingAddresses: ["127.0.0.1:3301", "127.0.0.1:3302", "127.0.0.1:3303"], desync: true,
    });
  });
  it("is null when wsrep is off or absent (MySQL lists no wsrep variables)", () => {
    expect(parseGalera(vars({ wsrep_on: "OFF" }), wsrepStatus())).toBeNull();
    expect(parseGalera([], [])).toBeNull();
  });
  it("a node that lost quorum is not primary", () => {
    expect(parseGalera(vars({ wsrep_on: "ON" }), wsrepStatus({ wsrep_cluster_status: "non-Primary", wsrep_ready: "OFF" }))).toMatchObject({ primary: false, ready: false });
  });
  it("skips AUTO and empty incoming addresses", () => {
    expect(parseIncomingAddresses("AUTO,,10.0.0.1:3306,[::1]:3307")).toEqual(["10.0.0.1:3306", "[::1]:3307"]);
  });
});

describe("Galera problems", () => {
  it("the fixture is a Galera member", () => expect(healthyGalera).not.toBeNull());
  const three = (f: (n: number) => Partial<GaleraState> = () => ({})) => [1, 2, 3].map((n) => server(n, status({ galera: galera(f(n)) })));
  it("a healthy cluster of three registered members has no problem and is one group", () => {
    const servers = three();
    const p = findProblems(servers, 100, 60);
    for (const s of servers) expect(codes(p, s.id)).toEqual([]);
    expect(galeraGroups(servers).map((g) => g.members.length)).toEqual([3]);
  });
  it("non-Primary is critical (and hides the follow-on not-ready / not-synced)", () => {
    const p = findProblems(three((n) => (n === 1 ? { primary: false, clusterStatus: "non-Primary", ready: false, clusterSize: 1, localState: "Initialized" } : {})), 100, 60);
    expect(codes(p, "s1")).toEqual(["GaleraNonPrimary"]);
    expect(p.get("s1")![0].severity).toBe("critical");
  });
  it("not ready and not synced are reported; desynced on purpose is not", () => {
    const p = findProblems(three((n) => (n === 1 ? { ready: false } : n === 2 ? { localState: "Joined" } : { localState: "Donor/Desynced", desync: true })), 100, 60);
    expect(codes(p, "s1")).toEqual(["GaleraNotReady"]);
    expect(codes(p, "s2")).toEqual(["GaleraNodeNotSynced"]);
    expect(codes(p, "s3")).toEqual([]);
  });
  it("a member missing from the others' view is a size mismatch naming it", () => {
    const addrs = ["127.0.0.1:3301", "127.0.0.1:3302"];
    const servers = three((n) => (n === 3 ? {} : { clusterSize: 2, incomingAddresses: addrs }));
    servers[2].status = { ...servers[2].status!, state: "unreachable", error: "timeout" };
    const p = findProblems(servers, 100, 60);
    expect(codes(p, "s1")).toEqual(["GaleraClusterSizeMismatch"]);
    expect(p.get("s1")![0].message).toContain("node3 is not in it");
    expect(codes(p, "s3")).toEqual(["Unreachable"]);
    expect(galeraGroups(servers)[0].members.map((m) => m.name)).toEqual(["node1", "node2", "node3"]);
  });
  it("different cluster state UUIDs in one group are a split view", () => {
    const p = findProblems(three((n) => ({ stateUuid: n === 3 ? "u-2" : "u-1" })), 100, 60);
    expect(codes(p, "s3")).toEqual(["GaleraSplitView"]);
    expect(codes(p, "s1")).toEqual(["GaleraSplitView"]);
  });
  it("flow control above the configurable threshold", () => {
    const servers = three((n) => ({ flowControlPaused: n === 1 ? 0.3 : 0.05 }));
    expect(codes(findProblems(servers, 100, 60), "s1")).toEqual(["GaleraFlowControl"]);
    expect(codes(findProblems(servers, 100, 60, [], { galeraFlowControl: 0.5, groupApplierQueue: 1000 }), "s1")).toEqual([]);
    expect(codes(findProblems(servers, 100, 60, [], { galeraFlowControl: 0.01, groupApplierQueue: 1000 }), "s2")).toEqual(["GaleraFlowControl"]);
  });
  it("Galera members sharing a server_id are not DuplicateServerId", () => {
    const facts = { serverId: 1, semiSync: NO_SEMI_SYNC } as ServerStatus["facts"];
    const servers = three().map((s) => ({ ...s, cluster: "c", status: { ...s.status!, facts } }));
    expect(codes(findProblems(servers, 100, 60), "s1")).toEqual([]);
  });
});

// Column names as MySQL 8.0/8.4 performance_schema spells them (see test/fakes/columns.ts for the sources).
const member = (id: string, port: number, state: string, role: string) => ({ CHANNEL_NAME: "group_replication_applier", MEMBER_ID: id, MEMBER_HOST: "127.0.0.1", MEMBER_PORT: port, MEMBER_STATE: state, MEMBER_ROLE: role, MEMBER_VERSION: "8.0.36", MEMBER_COMMUNICATION_STACK: "XCom" });
const stats = (id: string, queue: number) => ({ CHANNEL_NAME: "group_replication_applier", VIEW_ID: "1:3", MEMBER_ID: id, COUNT_TRANSACTIONS_IN_QUEUE: 0, COUNT_TRANSACTIONS_CHECKED: 10, COUNT_CONFLICTS_DETECTED: 1, COUNT_TRANSACTIONS_ROWS_VALIDATING: 0, TRANSACTIONS_COMMITTED_ALL_MEMBERS: "", LAST_CONFLICT_FREE_TRANSACTION: "", COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE: queue, COUNT_TRANSACTIONS_REMOTE_APPLIED: 5, COUNT_TRANSACTIONS_LOCAL_PROPOSED: 5, COUNT_TRANSACTIONS_LOCAL_ROLLBACK: 0 });
const groupVars = vars({ group_replication_group_name: "aaaaaaaa-bbbb", group_replication_single_primary_mode: "ON" });

describe("Group Replication", () => {
  it("parses members with their stats; a lone OFFLINE row is no group", () => {
    const g = parseGroup([member("m1", 3306, "ONLINE", "PRIMARY"), member("m2", 3307, "ONLINE", "SECONDARY")], [stats("m1", 0), stats("m2", 7)], groupVars, "m2")!;
    expect(g).toMatchObject({ groupName: "aaaaaaaa-bbbb", singlePrimary: true, localMemberId: "m2" });
    expect(g.members[1]).toEqual({ memberId: "m2", host: "127.0.0.1", port: 3307, state: "ONLINE", role: "SECONDARY", version: "8.0.36", certifyQueue: 0, applierQueue: 7, conflicts: 1 });
    expect(parseGroup([member("m1", 3306, "OFFLINE", "")], [], [], "m1")).toBeNull();
    expect(parseGroup([{ ...member("", 0, "OFFLINE", ""), MEMBER_ID: "" }], [], [], null)).toBeNull();
  });
  it("quorum is lost when the members not UNREACHABLE are no majority", () => {
    const g = (states: string[]) => parseGroup(states.map((s, i) => member(`m${i}`, 3306 + i, s, i ? "SECONDARY" : "PRIMARY")), [], [], "m0")!;
    expect(groupLostQuorum(g(["ONLINE", "UNREACHABLE", "ONLINE"]))).toBe(false);
    expect(groupLostQuorum(g(["ONLINE", "UNREACHABLE", "UNREACHABLE"]))).toBe(true);
    expect(groupLostQuorum(g(["ONLINE", "UNREACHABLE"]))).toBe(true);
  });
  it("reports a member not ONLINE, no quorum and a high applier queue", () => {
    const groupOf = (local: string, states: string[], queue = 0) =>
      parseGroup(states.map((s, i) => member(`m${i}`, 3400 + i, s, i ? "SECONDARY" : "PRIMARY")), states.map((_, i) => stats(`m${i}`, queue)), groupVars, local);
    const a = server(1, status({ group: groupOf("m0", ["ONLINE", "UNREACHABLE", "UNREACHABLE"]) }));
    const b = server(2, status({ group: groupOf("m1", ["ONLINE", "RECOVERING", "ONLINE"], 5000) }));
    const p = findProblems([a, b], 100, 60);
    expect(codes(p, "s1")).toEqual(["GroupMemberNotOnline", "GroupMemberNotOnline", "GroupNoQuorum"]);
    expect(codes(p, "s2")).toEqual(["GroupApplierQueueHigh", "GroupMemberNotOnline"]);
    expect(p.get("s2")!.find((x) => x.code === "GroupMemberNotOnline")!.severity).toBe("warning");
  });
});
