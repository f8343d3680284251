// Wires sandboxes into replication the classic way: user, lock, coordinates, dump, unlock, load, CHANGE MASTER, start.
import { spawn } from "node:child_process";
import mysql from "mysql2/promise";
import { mariadbBinaries } from "./binaries";
import type { Sandbox } from "./instance";

/** Options for wiring a replica to a source. */
export interface WireOptions {
  user?: string;
  password?: string;
  delaySeconds?: number;
  connectionName?: string;
  /** Skip the dump+load (the replica already has the data, e.g. master-master). */
  skipCopy?: boolean;
}

/** Replica status row (MariaDB column names), for assertions in tests. */
export type SlaveRow = Record<string, string | number | null>;

/** SHOW SLAVE STATUS of one named connection ("" is the default one). */
export async function slaveStatus(replica: Sandbox, connectionName = ""): Promise<SlaveRow | undefined> {
  const rows = await replica.query<SlaveRow[]>("SHOW ALL SLAVES STATUS");
  return rows.find((r) => r.Connection_name === connectionName);
}

/** Waits until `check` returns true on the replica's status (bounded), else throws with the last errors. */
export async function waitForSlave(replica: Sandbox, check: (r: SlaveRow) => boolean, connectionName = "", timeoutMs = 20_000): Promise<SlaveRow> {
  let last: SlaveRow | undefined;
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    last = await slaveStatus(replica, connectionName);
    if (last && check(last)) return last;
  }
  throw new Error(`replica ${replica.name}: condition not reached; IO=${last?.Slave_IO_Running} SQL=${last?.Slave_SQL_Running} io_error=${last?.Last_IO_Error} sql_error=${last?.Last_SQL_Error}`);
}

async function dumpInto(source: Sandbox, replica: Sandbox): Promise<void> {
  const { dump, client } = mariadbBinaries();
  const conn = (sb: Sandbox) => [`--host=${sb.host}`, `--port=${sb.port}`, "--user=root", "--protocol=TCP"];
  const dumper = spawn(dump, [...conn(source), "--all-databases", "--routines", "--events", "--triggers", "--skip-lock-tables"], { stdio: ["ignore", "pipe", "pipe"] });
  const loader = spawn(client, [...conn(replica), "--init-command=SET SESSION sql_log_bin=0"], { stdio: ["pipe", "ignore", "pipe"] });
  dumper.stdout.pipe(loader.stdin);
  const errors: string[] = [];
  dumper.stderr.on("data", (d) => errors.push(String(d)));
  loader.stderr.on("data", (d) => errors.push(String(d)));
  const codes = await Promise.all([dumper, loader].map((p) => new Promise<number | null>((r) => p.once("close", r))));
  if (codes.some((c) => c !== 0)) throw new Error(`dump/load failed (${codes.join(",")}): ${errors.join("").trim()}`);
}

/** Makes `replica` replicate from `source`, copying the data under a read lock; returns the coordinates used. */
export async function wireReplication(source: Sandbox, replica: Sandbox, opts: WireOptions = {}): Promise<{ file: string; position: number }> {
  const user = opts.user ?? "repl";
  const password = opts.password ?? "repl-pass";
  const name = opts.connectionName ?? "";
  await source.query("CREATE USER IF NOT EXISTS ?@'%' IDENTIFIED BY ?", [user, password]);
  await source.query("GRANT REPLICATION SLAVE ON *.* TO ?@'%'", [user]);
  const lock = await mysql.createConnection(source.connectionOptions());
  let coords: { file: string; position: number };
  try {
    await lock.query("FLUSH TABLES WITH READ LOCK");
    const [rows] = await lock.query("SHOW MASTER STATUS");
    const row = (rows as { File: string; Position: number }[])[0];
    if (!row) throw new Error(`source ${source.name} has no binary log (log_bin is off)`);
    coords = { file: row.File, position: Number(row.Position) };
    if (!opts.skipCopy) await dumpInto(source, replica);
  } finally {
    await lock.query("UNLOCK TABLES").catch(() => {});
    lock.destroy();
  }
  if (!opts.skipCopy) await replica.query("FLUSH PRIVILEGES");
  const conn = mysql.escape(name);
  await replica.query(
    `CHANGE MASTER ${conn} TO MASTER_HOST=?, MASTER_PORT=?, MASTER_USER=?, MASTER_PASSWORD=?, MASTER_LOG_FILE=?, MASTER_LOG_POS=?, MASTER_DELAY=?`,
    [source.host, source.port, user, password, coords.file, coords.position, opts.delaySeconds ?? 0],
  );
  await replica.query(`START SLAVE ${conn}`);
  await waitForSlave(replica, (r) => r.Slave_IO_Running === "Yes" && r.Slave_SQL_Running === "Yes", name);
  return coords;
}

/** Waits until a marker row written on the source is visible on the replica. */
export async function waitForCaughtUp(source: Sandbox, replica: Sandbox, timeoutMs = 20_000): Promise<void> {
  const marker = `m${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
  await source.query("CREATE DATABASE IF NOT EXISTS replscope_sandbox");
  await source.query("CREATE TABLE IF NOT EXISTS replscope_sandbox.marker (id VARCHAR(40) PRIMARY KEY) ENGINE=InnoDB");
  await source.query("INSERT INTO replscope_sandbox.marker VALUES (?)", [marker]);
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const rows = await replica.query<unknown[]>("SELECT 1 FROM replscope_sandbox.marker WHERE id = ?", [marker]).catch(() => []);
    if (rows.length) return;
  }
  throw new Error(`replica ${replica.name} did not catch up with ${source.name} in ${timeoutMs} ms`);
}

/** Wires a caught-up, read-only replica that positions by GTID (MASTER_USE_GTID=slave_pos), as the failover tests use. */
export async function wireGtidReplica(source: Sandbox, replica: Sandbox): Promise<void> {
  await wireReplication(source, replica);
  await waitForCaughtUp(source, replica);
  await replica.query("STOP SLAVE");
  await replica.query("CHANGE MASTER TO MASTER_USE_GTID=slave_pos");
  await replica.query("START SLAVE");
  await waitForSlave(replica, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes" && x.Using_Gtid === "Slave_Pos");
  await replica.query("SET GLOBAL read_only = ON");
}
