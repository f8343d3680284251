// Group Replication through protocol-level fakes of MySQL 8.0.26, 8.0.36 and 8.4 (exact column lists): the readers,
// parsing, problems and the group box with its primary, end to end from the wire.
import { afterAll, describe, expect, it } from "vitest";
import { groupMemberStatsQuery, groupMembersQuery, groupVariablesQuery, parseServerVersion, pollPlan } from "@/lib/domain/dialect";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/health";
import { reshapePoll } from "@/lib/domain/poll";
import { findProblems, type ServerForProblems } from "@/lib/domain/problems";
import { evaluateServer } from "@/lib/domain/server-status";
import { buildClusters } from "@/lib/domain/topology";
import { withConnection } from "@/lib/mysql/connection";
import { readStatus } from "@/lib/mysql/status";
import { startMysqlGroup } from "./group-sim";

const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((c) => c())));

async function pollAll(version: string, ports: number[]): Promise<(ServerForProblems & { flavor: string; version: string })[]> {
  return Promise.all(ports.map(async (port, i) => {
    const target = { host: "127.0.0.1", port, user: "u", password: "p", tlsMode: "disabled" as const };
    const raw = await withConnection(target, { connectTimeoutMs: 2000, queryTimeoutMs: 2000 }, (c) => readStatus(c, parseServerVersion(version), []));
    return { id: `m${i + 1}`, name: `member-${i + 1}`, host: "127.0.0.1", port, cluster: null, flavor: "mysql", version, status: evaluateServer(reshapePoll(raw), DEFAULT_THRESHOLDS, 1000, null) };
  }));
}
const codes = (p: Map<string, { code: string }[]>, id: string) => (p.get(id) ?? []).map((x) => x.code).sort();

describe.each(["8.0.26", "8.0.36", "8.4.3"])("Group Replication on MySQL %s (fakes)", (version) => {
  it("reads the group, marks the primary, reports member state, quorum and applier queue", async () => {
    const sim = await startMysqlGroup(version);
    closers.push(sim.close);
    const ports = sim.members.map((m) => m.fake.port);

    let servers = await pollAll(version, ports);
    // The folded SELECT counted members, so the group's three tables/variables were read.
    expect(sim.members[1].fake.queries.filter((q) => /group_replication|replication_group/.test(q))).toEqual([pollPlan(parseServerVersion(version)!)!.factsQuery, groupMembersQuery, groupMemberStatsQuery, groupVariablesQuery]);
    expect(servers[1].status!.group).toMatchObject({ groupName: sim.groupName, singlePrimary: true, localMemberId: sim.members[1].uuid });
    expect(servers[1].status!.group!.members.map((m) => [m.port, m.state, m.role])).toEqual(ports.map((p, i) => [p, "ONLINE", i ? "SECONDARY" : "PRIMARY"]));
    expect(servers[1].status!.group!.members[0]).toMatchObject({ applierQueue: 0, certifyQueue: 0, conflicts: 2, version });
    let problems = findProblems(servers, 1000, 60);
    for (const s of servers) expect(codes(problems, s.id)).toEqual([]);
    const [cluster] = buildClusters(servers);
    expect(cluster.groups).toEqual([expect.objectContaining({ kind: "group-replication", name: sim.groupName, primary: `127.0.0.1:${ports[0]}`, members: ports.map((p) => `127.0.0.1:${p}`).sort() })]);
    expect(cluster.nodes.find((n) => n.port === ports[0])!.groupRole).toBe("primary");
    expect(cluster.nodes.find((n) => n.port === ports[2])!.groupRole).toBe("secondary");

    // member 3 recovering with a long applier queue
    Object.assign(sim.members[2], { state: "RECOVERING", applierQueue: 5000 });
    sim.refresh();
    servers = await pollAll(version, ports);
    problems = findProblems(servers, 1000, 60);
    expect(codes(problems, "m3")).toEqual(["GroupApplierQueueHigh", "GroupMemberNotOnline"]);
    expect(codes(problems, "m1")).toEqual([]);

    // members 2 and 3 unreachable from the primary's view: no majority left
    Object.assign(sim.members[1], { state: "UNREACHABLE" });
    Object.assign(sim.members[2], { state: "UNREACHABLE", applierQueue: 0 });
    sim.refresh();
    servers = await pollAll(version, ports.slice(0, 1));
    problems = findProblems(servers, 1000, 60);
    expect(codes(problems, "m1")).toEqual(["GroupMemberNotOnline", "GroupMemberNotOnline", "GroupNoQuorum"]);
    expect(problems.get("m1")!.find((p) => p.code === "GroupNoQuorum")!.severity).toBe("critical");
  });
});

it("a MySQL server without Group Replication has no group (the fake rejects the tables as a 5.7-style server would)", async () => {
  const { startFake } = await import("./mysql-fake");
  const fake = await startFake({ version: "8.0.36", scenario: { channels: [], variables: { server_id: 5, server_uuid: "u" } } });
  closers.push(() => fake.close());
  const [s] = await pollAll("8.0.36", [fake.port]);
  expect(s.status!.group).toBeNull();
  expect(s.status!.galera).toBeNull();
  // No member counted in the folded SELECT: the group tables are never asked for.
  expect(fake.queries.filter((q) => /replication_group/.test(q))).toEqual([pollPlan(parseServerVersion("8.0.36")!)!.factsQuery]);
});
