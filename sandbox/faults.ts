// Fault injection on running sandboxes: users with chosen passwords, delays, conflicts, a stopped applier.
import mysql from "mysql2/promise";
import type { Sandbox } from "./instance";
import { waitForSlave } from "./replication";

/** Creates (or replaces) an account with the given privileges, e.g. a monitoring user. */
export async function createUser(sb: Sandbox, user: string, host: string, password: string, privileges: string[]): Promise<void> {
  await sb.query("DROP USER IF EXISTS ?@?", [user, host]);
  await sb.query("CREATE USER ?@? IDENTIFIED BY ?", [user, host, password]);
  for (const p of privileges) {
    if (!/^[A-Z ]+$/.test(p)) throw new Error(`unexpected privilege name: ${p}`);
    await sb.query(`GRANT ${p} ON *.* TO ?@?`, [user, host]);
  }
}

/** Makes a replica apply events `seconds` behind its source (MASTER_DELAY). */
export async function setMasterDelay(replica: Sandbox, seconds: number, connectionName = ""): Promise<void> {
  const conn = connectionName ? mysql.escape(connectionName) : "";
  await replica.query(`STOP SLAVE ${conn}`);
  await replica.query(`CHANGE MASTER ${conn} TO MASTER_DELAY=?`, [seconds]);
  await replica.query(`START SLAVE ${conn}`);
}

/** Breaks a replica with a duplicate-key error (1062): the row is inserted on the replica first, then on the source. */
export async function injectDuplicateKeyConflict(source: Sandbox, replica: Sandbox, db = "conflict_db", table = "t"): Promise<void> {
  const qualified = `\`${db}\`.\`${table}\``;
  await source.query(`CREATE DATABASE IF NOT EXISTS \`${db}\``);
  await source.query(`CREATE TABLE IF NOT EXISTS ${qualified} (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB`);
  await waitForSlave(replica, () => true);
  for (let i = 0; i < 100; i++) {
    const exists = await replica.query<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_schema=? AND table_name=?`, [db, table]);
    if (exists.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const id = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  await replica.session(async (c) => {
    await c.query("SET SESSION sql_log_bin=0");
    await c.query(`INSERT INTO ${qualified} VALUES (?, 'replica')`, [id]);
  });
  await source.query(`INSERT INTO ${qualified} VALUES (?, 'source')`, [id]);
  await waitForSlave(replica, (r) => r.Slave_SQL_Running === "No" && Number(r.Last_SQL_Errno) === 1062);
}

/** Stops only the applier (SQL thread), as an operator would. */
export async function stopReplicaSqlThread(replica: Sandbox, connectionName = ""): Promise<void> {
  await replica.query(`STOP SLAVE ${connectionName ? mysql.escape(connectionName) + " " : ""}SQL_THREAD`);
}
