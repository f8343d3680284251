// The poller's write path on the MySQL backend (the driver directly, not Prisma), on a real MariaDB whose sql_mode has
// NO_BACKSLASH_ESCAPES: values with quotes and backslashes land intact, and a superseded leader's term writes nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import mysql from "mysql2/promise";
import { type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import { applyMysqlMigrations } from "@/lib/data/mysql-backend";
import { closeMysqlSweepWriter, mysqlSweepWriter } from "@/lib/data/mysql-sweep-writer";

let backend: Sandbox;
let url: string;
const upsert = `INSERT INTO "ServerState" ("serverId", "state", "snapshot", "checkedAt") VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "snapshot" = VALUES("snapshot"), "checkedAt" = VALUES("checkedAt")`;
const rows = async () => (await backend.query<{ serverId: string; snapshot: string; checkedAt: number }[]>("SELECT serverId, snapshot, checkedAt FROM rs.ServerState ORDER BY serverId")) as { serverId: string; snapshot: string; checkedAt: number }[];

beforeAll(async () => {
  backend = await startSandbox({ name: "replscope-backend", logBin: false, extraArgs: ["--sql-mode=NO_BACKSLASH_ESCAPES"] });
  await backend.query("CREATE DATABASE rs");
  url = `mysql://root@127.0.0.1:${backend.port}/rs`;
  process.env.REPLSCOPE_DATABASE_URL = url;
  await applyMysqlMigrations(url);
  const c = await mysql.createConnection({ host: "127.0.0.1", port: backend.port, user: "root", database: "rs" });
  await c.query("INSERT INTO Lease (name, holder, epoch, expiresAt) VALUES ('leader', 'web-1', 7, 0)").catch(() => c.query("UPDATE Lease SET holder = 'web-1', epoch = 7 WHERE name = 'leader'"));
  await c.query("INSERT IGNORE INTO LeaseFence (id) VALUES (1)");
  await c.query("INSERT INTO Server (id, name, host, user, passwordEnc, updatedAt) VALUES ('s1', 's1', 'h', 'u', 'x', NOW(3)), ('s2', 's2', 'h2', 'u', 'x', NOW(3))");
  await c.end();
}, 120_000);

afterAll(async () => {
  await closeMysqlSweepWriter();
  await teardownAll();
});

const hostile = `{"error":"Error 'O\\\\'Brien' on query. Default database: 'x'; \\\\' OR 1=1 -- \\"quoted\\""}`;

it("writes quotes and backslashes intact under NO_BACKSLASH_ESCAPES, in the current term", async () => {
  expect(await mysqlSweepWriter().save([{ sql: upsert, values: ["s1", "ok", hostile, 1000.25] }], { holder: "web-1", epoch: 7 })).toBe("ok");
  expect(await rows()).toEqual([{ serverId: "s1", snapshot: hostile, checkedAt: 1000.25 }]);
});

it("a superseded term is refused inside the transaction and writes nothing", async () => {
  expect(await mysqlSweepWriter().save([{ sql: upsert, values: ["s2", "ok", "{}", 2000] }, { sql: upsert, values: ["s1", "ok", "{}", 2000] }], { holder: "web-1", epoch: 6 })).toBe("fenced");
  expect(await rows()).toEqual([{ serverId: "s1", snapshot: hostile, checkedAt: 1000.25 }]);
});
