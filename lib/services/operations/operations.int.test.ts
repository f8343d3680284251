// Replication operations on real MariaDB sandboxes: stop/start, skip a duplicate-key error, read_only, repoint up a chain.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, injectDuplicateKeyConflict, type Sandbox, slaveStatus, startSandboxes, teardownAll, waitForCaughtUp, waitForSlave, wireChain, wireReplication } from "@/sandbox";
import type { Operation } from "@/lib/domain/operations/types";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-ops-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer, updateServer } = await import("../servers");
const { previewOperation, runOperation } = await import("./index");
const { listAudit } = await import("@/lib/data/audit");
const { monitor } = await import("../monitor");

const caller = { actor: "olga", address: "10.9.8.7" };
let S: Sandbox, M: Sandbox, R: Sandbox, B: Sandbox;
const ids = new Map<Sandbox, string>();

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "ops" });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
}

/** Previews, then runs with the previewed statements and the server's name, as the UI does. */
async function run(sb: Sandbox, op: Operation) {
  const p = await previewOperation(ids.get(sb)!, op);
  if (!p.ok) throw new Error(p.error);
  return runOperation(ids.get(sb)!, op, { serverName: p.value.serverName, statements: p.value.plan.statements }, caller);
}

beforeAll(async () => {
  [S, M, R, B] = await startSandboxes(4);
  await S.query("CREATE DATABASE app");
  await S.query("CREATE TABLE app.t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
  await S.query("INSERT INTO app.t (v) VALUES ('a'), ('b')");
  await wireChain([S, M, R]);
  await wireReplication(S, B);
  for (const [sb, name] of [[S, "ops-source"], [M, "ops-middle"], [R, "ops-leaf"], [B, "ops-broken"]] as const) await register(sb, name);
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("replication operations", () => {
  it("stops and starts the IO thread alone, audited with who and from where", async () => {
    const stop = await run(B, { kind: "stop", threads: "io" });
    expect(stop.ok && stop.value.ran).toEqual(["STOP REPLICA IO_THREAD"]);
    expect(stop.ok && stop.value.settled).toBe(true);
    expect((await slaveStatus(B))?.Slave_IO_Running).toBe("No");
    expect((await slaveStatus(B))?.Slave_SQL_Running).toBe("Yes");
    const start = await run(B, { kind: "start", threads: "io" });
    expect(start.ok && start.value.settled).toBe(true);
    await waitForSlave(B, (r) => r.Slave_IO_Running === "Yes");
    const audit = await listAudit({ serverId: ids.get(B), action: "operation." });
    expect(audit.filter((a) => a.kind === "statement").map((a) => a.statement)).toEqual(["START REPLICA IO_THREAD", "STOP REPLICA IO_THREAD"]);
    expect(audit.every((a) => a.actor === "olga" && a.address === "10.9.8.7")).toBe(true);
    expect(audit.filter((a) => a.kind === "mutation").map((a) => a.statement).join("\n")).toMatch(/start replication \(IO thread\) on ops-broken/);
  });

  it("refuses a no-op and a confirmation with the wrong name, running nothing", async () => {
    expect(await previewOperation(ids.get(B)!, { kind: "start", threads: "both" })).toMatchObject({ ok: false, error: expect.stringMatching(/already runs on ops-broken/) });
    const p = await previewOperation(ids.get(B)!, { kind: "stop", threads: "both" });
    const r = await runOperation(ids.get(B)!, { kind: "stop", threads: "both" }, { serverName: "ops-leaf", statements: p.ok ? p.value.plan.statements : [] }, caller);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Type the server's name \(ops-broken\)/) });
    expect((await slaveStatus(B))?.Slave_SQL_Running).toBe("Yes");
  });

  it("skips a duplicate-key error and the replica runs again", async () => {
    await injectDuplicateKeyConflict(S, B);
    const p = await previewOperation(ids.get(B)!, { kind: "skip" });
    expect(p.ok && p.value.plan.statements).toEqual(["STOP REPLICA", "SET GLOBAL sql_slave_skip_counter = 1", "START REPLICA"]);
    expect(p.ok && p.value.plan.warnings.join()).toMatch(/may now differ/);
    const r = await run(B, { kind: "skip" });
    expect(r.ok && r.value.settled).toBe(true);
    await S.query("INSERT INTO app.t (v) VALUES ('after skip')");
    await waitForCaughtUp(S, B);
    expect(await B.query("SELECT v FROM app.t WHERE v = 'after skip'")).toEqual([{ v: "after skip" }]);
    expect((await slaveStatus(B))?.Last_SQL_Errno).toBe(0);
  });

  it("sets and unsets read_only", async () => {
    expect((await run(B, { kind: "read_only", on: true })).ok).toBe(true);
    expect(await B.query("SELECT @@read_only AS ro")).toEqual([{ ro: 1 }]);
    expect((await run(B, { kind: "read_only", on: false })).ok).toBe(true);
    expect(await B.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
  });

  it("repoints a replica of a replica to the top source by GTID, losing nothing", async () => {
    expect(await previewOperation(ids.get(R)!, { kind: "repoint", targetId: ids.get(R)! })).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be its own source/) });
    expect(await previewOperation(ids.get(M)!, { kind: "repoint", targetId: ids.get(R)! })).toMatchObject({ ok: false, error: expect.stringMatching(/would make a loop/) });
    await S.query("INSERT INTO app.t (v) VALUES ('before repoint')");
    const r = await run(R, { kind: "repoint", targetId: ids.get(S)! });
    expect(r.ok && r.value.ran[1]).toBe(`CHANGE MASTER TO MASTER_HOST='${S.host}', MASTER_PORT=${S.port}, MASTER_USE_GTID=slave_pos`);
    expect(r.ok && r.value.settled).toBe(true);
    expect(Number((await slaveStatus(R))?.Master_Port)).toBe(S.port);
    await S.query("INSERT INTO app.t (v) VALUES ('after repoint')");
    await waitForCaughtUp(S, R);
    const [count] = await S.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM app.t");
    expect(await R.query("SELECT COUNT(*) AS n FROM app.t")).toEqual([count]);
  });

  it("warns when the registered account lacks the privileges, and a refused statement is reported with the state", async () => {
    await createUser(M, "mon", "%", "mon-pw", ["SLAVE MONITOR", "BINLOG MONITOR"]);
    expect((await updateServer(ids.get(M)!, { user: "mon", password: "mon-pw" })).ok).toBe(true);
    try {
      const p = await previewOperation(ids.get(M)!, { kind: "stop", threads: "both" });
      expect(p.ok && p.value.plan.warnings.join(" ")).toMatch(/account mon may not be allowed to run this: replication control needs REPLICATION SLAVE ADMIN or SUPER/);
      const r = await run(M, { kind: "stop", threads: "both" });
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/failed at "STOP REPLICA": .*Access denied.*Ran 0 of 1 statements\. ops-middle now: .*IO running, SQL running/) });
      expect((await slaveStatus(M))?.Slave_SQL_Running).toBe("Yes");
    } finally {
      await updateServer(ids.get(M)!, { user: "root", password: "" });
    }
  });
});
