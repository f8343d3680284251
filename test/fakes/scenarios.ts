// Realistic fake-server scenarios: healthy, delayed, broken, source down, applier stopped, two channels.
import type { FakeScenario } from "./mysql-fake";

const VARIABLES = {
  server_id: 12, server_uuid: "3e11fa47-71ca-11e1-9e33-c80aa9429562", read_only: 1, super_read_only: 1, log_bin: 1, binlog_format: "ROW",
  gtid_mode: "ON", gtid_executed: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", log_slave_updates: 1, log_replica_updates: 1, slave_parallel_workers: 4,
  replica_parallel_workers: 4, auto_increment_increment: 1, auto_increment_offset: 1, gtid_strict_mode: 1, gtid_current_pos: "0-1-5",
  gtid_binlog_pos: "0-1-5", gtid_slave_pos: "0-1-5", slave_parallel_threads: 0,
};

/** A replica 3 s behind its source, both threads running, semi-sync on. */
export const healthyReplica: FakeScenario = {
  channels: [{ Channel_Name: "", Seconds_Behind: 3, Host: "10.0.0.1", Port: 3306, IO: "Yes", SQL: "Yes", Auto_Position: 1 }],
  variables: VARIABLES,
  binlog: { file: "binlog.000007", position: 4242, gtid: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5" },
  semiSync: { rpl_semi_sync_replica_enabled: "ON", rpl_semi_sync_slave_enabled: "ON" },
};

/** A replica whose applier stopped on a duplicate key. */
export const brokenReplica: FakeScenario = {
  channels: [{ Channel_Name: "", Seconds_Behind: null, Host: "10.0.0.1", Port: 3306, IO: "Yes", SQL: "No", Last_SQL_Errno: 1062, Last_SQL_Error: "Duplicate entry '7' for key 'PRIMARY'" }],
  variables: VARIABLES,
  binlog: { file: "binlog.000002", position: 157 },
};

/** A multi-source replica with two channels. */
export const twoChannels: FakeScenario = {
  channels: [
    { Channel_Name: "source_a", Seconds_Behind: 0, Host: "10.0.0.1", Port: 3306, IO: "Yes", SQL: "Yes" },
    { Channel_Name: "source_b", Seconds_Behind: 75, Host: "10.0.0.2", Port: 3306, IO: "Yes", SQL: "Yes" },
  ],
  variables: VARIABLES,
  binlog: { file: "binlog.000001", position: 1000 },
};

/** A replica with SOURCE_DELAY / MASTER_DELAY = 30, 14 s behind and waiting out its delay. */
export const delayedReplica: FakeScenario = {
  channels: [{ Channel_Name: "", Seconds_Behind: 14, Host: "10.0.0.1", Port: 3306, IO: "Yes", SQL: "Yes", SQL_Delay: 30, SQL_Remaining_Delay: 16, ApplierState: "Waiting until SOURCE_DELAY seconds after source executed event" }],
  variables: VARIABLES,
};

/** A replica whose source is down: the receiver keeps reconnecting, lag unknown. */
export const sourceDown: FakeScenario = {
  channels: [{ Channel_Name: "", Seconds_Behind: null, Host: "10.0.0.1", Port: 3306, IO: "Connecting", SQL: "Yes", Last_IO_Errno: 2003, Last_IO_Error: "error reconnecting to master 'repl@10.0.0.1:3306' - retry-time: 60 retries: 1 message: Can't connect to MySQL server on '10.0.0.1:3306' (111)" }],
  variables: VARIABLES,
};

/** A replica whose applier was stopped by hand (no error): lag unknown, never 0. */
export const applierStopped: FakeScenario = {
  channels: [{ Channel_Name: "", Seconds_Behind: null, Host: "10.0.0.1", Port: 3306, IO: "Yes", SQL: "No" }],
  variables: VARIABLES,
};
