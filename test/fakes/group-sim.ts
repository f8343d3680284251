// A MySQL Group Replication group made of fakes: every member answers performance_schema's group tables with the
// exact columns of its version (test/fakes/columns.ts); tests change member states and queues as a real group would.
import { atLeast, parseServerVersion } from "@/lib/domain/dialect";
import type { Cell } from "./answer";
import { MYSQL_80_GROUP_MEMBERS, MYSQL_8027_GROUP_MEMBERS, MYSQL_GROUP_MEMBER_STATS } from "./columns";
import { type FakeServer, startFake } from "./mysql-fake";

/** One simulated member: its fake, identity and the state the group reports for it. */
export interface GroupSimMember {
  fake: FakeServer;
  uuid: string;
  state: string;
  role: "PRIMARY" | "SECONDARY";
  applierQueue: number;
}

const GROUP_NAME = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";

function memberRow(m: GroupSimMember, version: string): Record<string, Cell> {
  return { CHANNEL_NAME: "group_replication_applier", MEMBER_ID: m.uuid, MEMBER_HOST: "127.0.0.1", MEMBER_PORT: m.fake.port, MEMBER_STATE: m.state, MEMBER_ROLE: m.role, MEMBER_VERSION: version, MEMBER_COMMUNICATION_STACK: "XCom" };
}

function statsRow(m: GroupSimMember): Record<string, Cell> {
  return {
    CHANNEL_NAME: "group_replication_applier", VIEW_ID: "17000000:3", MEMBER_ID: m.uuid, COUNT_TRANSACTIONS_IN_QUEUE: 0, COUNT_TRANSACTIONS_CHECKED: 120, COUNT_CONFLICTS_DETECTED: 2,
    COUNT_TRANSACTIONS_ROWS_VALIDATING: 0, TRANSACTIONS_COMMITTED_ALL_MEMBERS: `${GROUP_NAME}:1-120`, LAST_CONFLICT_FREE_TRANSACTION: `${GROUP_NAME}:120`,
    COUNT_TRANSACTIONS_REMOTE_IN_APPLIER_QUEUE: m.applierQueue, COUNT_TRANSACTIONS_REMOTE_APPLIED: 80, COUNT_TRANSACTIONS_LOCAL_PROPOSED: 40, COUNT_TRANSACTIONS_LOCAL_ROLLBACK: 0,
  };
}

/** Starts `n` members of one version (the first is PRIMARY); `refresh()` republishes after a test changes a member. */
export async function startMysqlGroup(version: string, n = 3) {
  const v = parseServerVersion(version)!;
  const memberCols = atLeast(v, 8, 0, 27) ? MYSQL_8027_GROUP_MEMBERS : MYSQL_80_GROUP_MEMBERS;
  const members: GroupSimMember[] = [];
  for (let i = 0; i < n; i++) {
    const fake = await startFake({ version, scenario: { channels: [], variables: {} } });
    members.push({ fake, uuid: `00000000-0000-0000-0000-00000000000${i + 1}`, state: "ONLINE", role: i === 0 ? "PRIMARY" : "SECONDARY", applierQueue: 0 });
  }
  const refresh = () => {
    // Every member lists the whole group (an UNREACHABLE member still appears in the others' view, as in MySQL).
    const rows = members.map((m) => memberRow(m, version));
    for (const m of members)
      m.fake.setScenario({
        channels: [],
        variables: { server_id: m.fake.port, server_uuid: m.uuid, read_only: m.role === "PRIMARY" ? 0 : 1, super_read_only: m.role === "PRIMARY" ? 0 : 1, log_bin: 1, binlog_format: "ROW", gtid_mode: "ON", gtid_executed: `${GROUP_NAME}:1-120`, log_replica_updates: 1, log_slave_updates: 1, replica_parallel_workers: 4, slave_parallel_workers: 4, auto_increment_increment: 7, auto_increment_offset: 1 },
        binlog: { file: "binlog.000002", position: 4000, gtid: `${GROUP_NAME}:1-120` },
        extra: [
          { match: /FROM performance_schema\.replication_group_members$/i, columns: memberCols, rows },
          { match: /FROM performance_schema\.replication_group_member_stats$/i, columns: MYSQL_GROUP_MEMBER_STATS, rows: members.map(statsRow) },
          { match: /group_replication_group_name/i, columns: ["Variable_name", "Value"], rows: [{ Variable_name: "group_replication_group_name", Value: GROUP_NAME }, { Variable_name: "group_replication_single_primary_mode", Value: "ON" }] },
        ],
      });
  };
  refresh();
  return { members, refresh, groupName: GROUP_NAME, close: () => Promise.all(members.map((m) => m.fake.close())).then(() => undefined) };
}
