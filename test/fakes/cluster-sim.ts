// A stateful MySQL source + replicas made of fakes: control statements change what the fakes report, as a server would.
import type { RowValues } from "@/lib/domain/__fixtures__/mysql-columns";
import { type FakeScenario, type FakeServer, startFake } from "./mysql-fake";

const UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
const GTIDS = `${UUID}:1-42`;

/** One simulated server: its fake and its mutable state. */
export interface SimServer {
  fake: FakeServer;
  readOnly: boolean;
  superReadOnly: boolean;
  /** Killed (kill -9): its port refuses connections; replicas of it report their receiver Connecting. */
  dead: boolean;
  channel: { host: string; port: number; io: string; sql: string; ioErrno?: number } | null;
  binlog: { file: string; position: number };
}

function scenario(s: SimServer, source: SimServer | undefined): FakeScenario {
  const row = s.channel && ({
    Channel_Name: "", Seconds_Behind: s.channel.io === "Yes" && s.channel.sql === "Yes" ? 0 : null, Host: s.channel.host, Port: s.channel.port, IO: s.channel.io, SQL: s.channel.sql, Auto_Position: 1,
    Last_IO_Errno: s.channel.ioErrno ?? 0, Last_IO_Error: s.channel.ioErrno ? `error connecting to master 'repl@${s.channel.host}:${s.channel.port}' - retry-time: 60 retries: 1` : "",
    Retrieved_Gtid_Set: GTIDS, Executed_Gtid_Set: GTIDS, Source_UUID: UUID, Master_UUID: UUID, Source_User: "repl", Master_User: "repl",
    Relay_Source_Log_File: source?.binlog.file, Relay_Master_Log_File: source?.binlog.file, Exec_Source_Log_Pos: source?.binlog.position, Exec_Master_Log_Pos: source?.binlog.position,
  } as unknown as RowValues);
  return {
    channels: row ? [row] : [],
    variables: {
      server_id: s.fake.port, server_uuid: UUID, read_only: s.readOnly ? 1 : 0, super_read_only: s.superReadOnly ? 1 : 0, log_bin: 1, binlog_format: "ROW", gtid_mode: "ON",
      gtid_executed: GTIDS, log_slave_updates: 1, log_replica_updates: 1, slave_parallel_workers: 0, replica_parallel_workers: 0, auto_increment_increment: 1, auto_increment_offset: 1,
    },
    binlog: { ...s.binlog, gtid: GTIDS },
    extra: [{ match: /^SELECT WAIT_FOR_EXECUTED_GTID_SET\(/, columns: ["r"], rows: [{ r: 0 }] }, { match: /^SHOW GRANTS$/, columns: ["Grants for root@%"], rows: [{ "Grants for root@%": "GRANT ALL PRIVILEGES ON *.* TO `root`@`%` WITH GRANT OPTION" }] }],
  };
}

/** Starts a source and `replicas` replicas of one MySQL version with GTID auto-positioning: all of the source, or a chain. */
export async function startMysqlTrio(version: string, replicas = 2, shape: "fan" | "chain" = "fan"): Promise<{ servers: SimServer[]; close: () => Promise<void>; kill: (s: SimServer) => Promise<void> }> {
  const servers: SimServer[] = [];
  const portOf = new Map<number, SimServer>();
  const refresh = () => servers.forEach((s) => s.fake.setScenario(scenario(s, s.channel ? portOf.get(s.channel.port) : undefined)));
  /** A receiver connects when its source is alive, else it keeps Connecting with error 2003 (as MySQL's does). */
  const receiver = (ch: NonNullable<SimServer["channel"]>) => (portOf.get(ch.port)?.dead ? { io: "Connecting", ioErrno: 2003 } : { io: "Yes", ioErrno: 0 });
  const react = (s: SimServer) => (sql: string) => {
    const stmt = sql.toUpperCase();
    const changeTo = /(?:SOURCE|MASTER)_HOST='([^']+)', (?:SOURCE|MASTER)_PORT=(\d+)/.exec(sql);
    if (/^SET GLOBAL SUPER_READ_ONLY = ON/.test(stmt)) Object.assign(s, { readOnly: true, superReadOnly: true });
    else if (/^SET GLOBAL SUPER_READ_ONLY = OFF/.test(stmt)) s.superReadOnly = false;
    else if (/^SET GLOBAL READ_ONLY = ON/.test(stmt)) s.readOnly = true;
    else if (/^SET GLOBAL READ_ONLY = OFF/.test(stmt)) Object.assign(s, { readOnly: false, superReadOnly: false });
    else if (/^STOP (REPLICA|SLAVE) IO_THREAD/.test(stmt) && s.channel) Object.assign(s.channel, { io: "No", ioErrno: 0 });
    else if (/^STOP (REPLICA|SLAVE)/.test(stmt) && s.channel) Object.assign(s.channel, { io: "No", sql: "No", ioErrno: 0 });
    else if (/^START (REPLICA|SLAVE)/.test(stmt) && s.channel) Object.assign(s.channel, { sql: "Yes" }, receiver(s.channel));
    else if (/^RESET (REPLICA|SLAVE) ALL/.test(stmt)) s.channel = null;
    else if (changeTo) s.channel = { host: changeTo[1], port: Number(changeTo[2]), io: "No", sql: "No" };
    else return;
    refresh();
  };
  for (let i = 0; i <= replicas; i++) {
    const s = { readOnly: i > 0, superReadOnly: i > 0, dead: false, channel: null, binlog: { file: "binlog.000003", position: 1000 + i } } as unknown as SimServer;
    s.fake = await startFake({ version, scenario: { channels: [], variables: {} }, onQuery: (sql) => react(s)(sql) });
    portOf.set(s.fake.port, s);
    servers.push(s);
  }
  for (const [i, r] of servers.entries()) if (i > 0) r.channel = { host: "127.0.0.1", port: servers[shape === "chain" ? i - 1 : 0].fake.port, io: "Yes", sql: "Yes" };
  refresh();
  /** kill -9: the server stops answering; its replicas' receivers go to Connecting with error 2003. */
  const kill = async (s: SimServer) => {
    s.dead = true;
    await s.fake.close();
    for (const r of servers) if (r.channel?.port === s.fake.port && r.channel.io === "Yes") Object.assign(r.channel, receiver(r.channel));
    refresh();
  };
  return { servers, kill, close: () => Promise.all(servers.filter((s) => !s.dead).map((s) => s.fake.close())).then(() => {}) };
}
