// The harness itself: real servers start, replicate, break and stop as the tests and the demo expect.
import fs from "node:fs";
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import {
  injectDuplicateKeyConflict, setMasterDelay, slaveStatus, startSandbox, startSandboxes, stopReplicaSqlThread,
  teardownAll, waitForCaughtUp, wireChain, wireReplication,
} from "./index";

afterAll(teardownAll);

describe("sandbox harness", () => {
  it("starts instances on distinct ports with distinct server ids", async () => {
    const [a, b] = await startSandboxes(2);
    expect(a.port).not.toBe(b.port);
    const [ra] = await a.query<{ id: number }[]>("SELECT @@server_id AS id");
    const [rb] = await b.query<{ id: number }[]>("SELECT @@server_id AS id");
    expect(ra.id).not.toBe(rb.id);
    await Promise.all([a.destroy(), b.destroy()]);
    expect(fs.existsSync(a.dir)).toBe(false);
  });

  it("wires a chain that replicates a write end to end, copying existing data", async () => {
    const [s, r1, r2] = await startSandboxes(3);
    await s.query("CREATE DATABASE shop");
    await s.query("CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    await s.query("INSERT INTO shop.items VALUES (1, 'before wiring')");
    await wireChain([s, r1, r2]);
    await s.query("INSERT INTO shop.items VALUES (2, 'after wiring')");
    await waitForCaughtUp(s, r1);
    await waitForCaughtUp(r1, r2);
    const rows = await r2.query<{ id: number }[]>("SELECT id FROM shop.items ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect((await slaveStatus(r2))?.Master_Port).toBe(r1.port);
  });

  it("injects a delay, a stopped applier and a duplicate-key conflict", async () => {
    const [s, r] = await startSandboxes(2);
    await wireReplication(s, r);
    await setMasterDelay(r, 30);
    expect((await slaveStatus(r))?.SQL_Delay).toBe(30);
    await setMasterDelay(r, 0);
    await stopReplicaSqlThread(r);
    expect((await slaveStatus(r))?.Slave_SQL_Running).toBe("No");
    await r.query("START SLAVE");
    await injectDuplicateKeyConflict(s, r);
    const st = await slaveStatus(r);
    expect(st?.Last_SQL_Errno).toBe(1062);
    expect(st?.Seconds_Behind_Master).toBeNull();
  });

  it("pauses, resumes, crashes and restarts a server", async () => {
    const sb = await startSandbox();
    await sb.pause();
    const err = await mysql.createConnection({ ...sb.connectionOptions(), connectTimeout: 1000 }).then(
      (c) => (c.destroy(), null),
      (e: { code?: string }) => e.code,
    );
    expect(err).toBe("ETIMEDOUT");
    await sb.resume();
    expect(await sb.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await sb.kill9();
    await expect(sb.query("SELECT 1")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await sb.start();
    expect(await sb.query("SELECT 2 AS two")).toEqual([{ two: 2 }]);
  });
});
