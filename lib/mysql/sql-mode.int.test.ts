// Every session replscope opens drops NO_BACKSLASH_ESCAPES (and keeps the rest of sql_mode), once per connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import { type FakeServer, startFake } from "@/test/fakes/mysql-fake";
import { healthyReplica } from "@/test/fakes/scenarios";
import { ConnectionCache } from "./connection-cache";
import { openConnection, type ServerTarget, timed, withConnection } from "./connection";

const timeouts = { connectTimeoutMs: 3000, queryTimeoutMs: 3000 };
const NASTY = `x' , evil@'%' # \\' \\\\ "`;
let S: Sandbox;
let fake: FakeServer;
const target = (host: string, port: number, user = "root"): ServerTarget => ({ host, port, user, password: "", tlsMode: "disabled" });

beforeAll(async () => {
  [S, fake] = await Promise.all([startSandbox({ extraArgs: ["--sql-mode=STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"] }), startFake({ version: "8.0.36", scenario: healthyReplica })]);
});
afterAll(async () => {
  await fake.close();
  await teardownAll();
});

describe("on a server running NO_BACKSLASH_ESCAPES", () => {
  const check = async (q: <T>(sql: string, values?: unknown[]) => Promise<T>) => {
    const [{ mode }] = await q<{ mode: string }[]>("SELECT @@SESSION.sql_mode AS mode");
    expect(mode.split(",")).toContain("STRICT_TRANS_TABLES");
    expect(mode).not.toContain("NO_BACKSLASH_ESCAPES");
    expect(await q("SELECT ? AS v", [NASTY])).toEqual([{ v: NASTY }]);
  };

  it("one-off connections (tests, operations, the wizard) read escaped values as written", async () => {
    await withConnection(target(S.host, S.port), timeouts, (c) => check((sql, values) => c.query(sql, values)));
  });

  it("the poller's kept connections and the copy's lock connection too", async () => {
    const cache = new ConnectionCache();
    await cache.use("s", target(S.host, S.port), timeouts, (c) => check((sql, values) => c.query(sql, values)));
    cache.closeAll();
    const lock = await openConnection(target(S.host, S.port), 3000);
    await check((sql, values) => timed(lock, 3000).query(sql, values));
    lock.destroy();
  });
});

it("a kept connection sets the session once, not on every poll", async () => {
  const cache = new ConnectionCache();
  const before = fake.sessionSetups;
  for (let i = 0; i < 3; i++) await cache.use("f", target("127.0.0.1", fake.port, "u"), timeouts, (c) => c.query("SHOW REPLICA STATUS"));
  expect(fake.sessionSetups - before).toBe(1);
  await withConnection(target("127.0.0.1", fake.port, "u"), timeouts, (c) => c.query("SHOW REPLICA STATUS"));
  expect(fake.sessionSetups - before).toBe(2);
  cache.closeAll();
});
