// Planned switchover on real MariaDB sandboxes: 1 source, 2 replicas, an application writing until read-only; no row lost.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mysql from "mysql2/promise";
import { type Sandbox, setMasterDelay, slaveStatus, waitForSlave, startSandboxes, teardownAll, waitForCaughtUp, wireReplication } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-switchover-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer, updateServer } = await import("../servers");
const { launchSwitchover, requestStop, switchoverSettled } = await import("./engine");
const { readSourceGroup, rankCandidates } = await import("./candidates");
const { startSwitchover } = await import("./index");
const { findSwitchover } = await import("@/lib/data/switchover");
const { listAudit } = await import("@/lib/data/audit");
const { monitor } = await import("../monitor");

const caller = { actor: "dba", address: "10.1.1.1" };
const REPL_PASSWORD = "repl-pass";
let S: Sandbox, A: Sandbox, B: Sandbox;
const ids = new Map<Sandbox, string>();

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "sw" });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
}

const fingerprint = async (sb: Sandbox) => {
  const [count] = await sb.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM shop.orders");
  const [sum] = await sb.query<{ Checksum: number }[]>("CHECKSUM TABLE shop.orders");
  return { rows: count.n, checksum: sum.Checksum };
};

/** An application (no SUPER) inserting until the source refuses writes; returns how many inserts succeeded. */
async function appWriter(sb: Sandbox, stop: { now: boolean }): Promise<number> {
  let ok = 0;
  const conn = await mysql.createConnection({ ...sb.connectionOptions(), user: "app", password: "app-pass" });
  try {
    while (!stop.now) {
      try {
        await conn.query("INSERT INTO shop.orders (item) VALUES ('during')");
        ok++;
      } catch {
        break;
      }
    }
  } finally {
    await conn.end();
  }
  return ok;
}

beforeAll(async () => {
  [S, A, B] = await startSandboxes(3);
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40)) ENGINE=InnoDB");
  await S.query("INSERT INTO shop.orders (item) SELECT CONCAT('o', seq) FROM shop.seq_1_to_5000");
  await S.query("CREATE USER 'app'@'%' IDENTIFIED BY 'app-pass'");
  await S.query("GRANT SELECT, INSERT ON shop.* TO 'app'@'%'");
  await wireReplication(S, A);
  await wireReplication(S, B);
  for (const [sb, name] of [[S, "sw-source"], [A, "sw-a"], [B, "sw-b"]] as const) await register(sb, name);
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("planned switchover", () => {
  it("scores both replicas as ready", async () => {
    const ranked = rankCandidates(await readSourceGroup(ids.get(S)!));
    expect(ranked.map((r) => [r.candidateName, r.ready])).toEqual([["sw-a", true], ["sw-b", true]]);
    expect(ranked[0].score).toBe(100);
  });

  it("stopped before the point of no return (waiting for a delayed sibling), everything is put back", async () => {
    await setMasterDelay(B, 30);
    await S.query("INSERT INTO shop.orders (item) VALUES ('delayed on b')");
    const started = await launchSwitchover({ sourceId: ids.get(S)!, candidateId: ids.get(A)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: REPL_PASSWORD }, caller);
    if (!started.ok) throw new Error(started.error);
    await expect.poll(async () => (await findSwitchover(started.id))!.steps.find((s) => s.id === "catch_up")!.status, { timeout: 15_000 }).toBe("running");
    const { runOperation } = await import("../operations");
    const blocked = await runOperation(ids.get(B)!, { kind: "stop", threads: "both" }, { serverName: "sw-b", statements: ["STOP REPLICA"] }, caller);
    expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/sw-b takes part in a running switchover/) });
    const second = await startSwitchover(ids.get(S)!, { candidateId: ids.get(A)!, replUser: "repl", replPassword: REPL_PASSWORD, confirm: "sw-source" }, caller);
    expect(second).toMatchObject({ ok: false, error: expect.stringMatching(/already running/) });
    expect(await requestStop(started.id)).toEqual({ ok: true });
    await switchoverSettled(started.id);
    const run = (await findSwitchover(started.id))!;
    expect(run.status).toBe("stopped");
    expect(run.steps.find((s) => s.id === "promote")!.status).toBe("pending");
    expect(run.steps.find((s) => s.id === "source_read_only")!.status).toBe("undone");
    expect(await S.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
    for (const r of [A, B]) expect((await slaveStatus(r))?.Slave_SQL_Running).toBe("Yes");
    expect(run.error).toMatch(/Stopped by the user.*Undone: sw-source is writable again/);
    await setMasterDelay(B, 0);
    await waitForCaughtUp(S, B);
  });

  it("switches source → replica: new source writable, old one read-only and following it, sibling too, no row lost", async () => {
    const base = (await fingerprint(S)).rows;
    const stop = { now: false };
    const writing = appWriter(S, stop);
    await new Promise((r) => setTimeout(r, 200));
    const started = await launchSwitchover({ sourceId: ids.get(S)!, candidateId: ids.get(A)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: REPL_PASSWORD }, caller);
    if (!started.ok) throw new Error(started.error);
    await switchoverSettled(started.id);
    stop.now = true;
    const inserted = await writing;
    const run = (await findSwitchover(started.id))!;
    expect(run.error).toBeNull();
    expect(run.status).toBe("done");
    expect(run.steps.map((s) => s.status)).toEqual(Array(8).fill("done"));
    expect(inserted).toBeGreaterThan(0);

    const before = await fingerprint(A);
    expect(before.rows).toBe(base + inserted);
    expect(await fingerprint(S)).toEqual(before);
    expect(await fingerprint(B)).toEqual(before);

    expect(await A.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
    expect(await A.query("SHOW SLAVE STATUS")).toEqual([]);
    expect(await S.query("SELECT @@read_only AS ro")).toEqual([{ ro: 1 }]);
    for (const r of [S, B]) {
      const st = (await slaveStatus(r))!;
      expect([Number(st.Master_Port), st.Slave_IO_Running, st.Slave_SQL_Running]).toEqual([A.port, "Yes", "Yes"]);
    }
    await A.query("INSERT INTO shop.orders (item) VALUES ('after switchover')");
    await waitForCaughtUp(A, S);
    await waitForCaughtUp(A, B);
    const after = await fingerprint(A);
    expect(after.rows).toBe(before.rows + 1);
    expect(await fingerprint(S)).toEqual(after);
    expect(await fingerprint(B)).toEqual(after);

    const audit = (await listAudit({ action: `switchover:${started.id}` })).map((a) => a.statement).join("\n");
    expect(audit).toMatch(/MASTER_PASSWORD='\*\*\*\*\*'/);
    expect(audit).not.toContain(REPL_PASSWORD);
  });

  it("an account without RELOAD is refused before anything changes; with roles it fails at the promotion and is undone", async () => {
    await A.query("CREATE USER 'norel'@'%' IDENTIFIED BY 'norel-pw'");
    await A.query("GRANT SUPER, REPLICATION SLAVE ADMIN, READ ONLY ADMIN, SLAVE MONITOR, BINLOG MONITOR ON *.* TO 'norel'@'%'");
    await waitForCaughtUp(A, S);
    await waitForCaughtUp(A, B);
    expect((await updateServer(ids.get(S)!, { user: "norel", password: "norel-pw" })).ok).toBe(true);
    try {
      const refused = await launchSwitchover({ sourceId: ids.get(A)!, candidateId: ids.get(S)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: REPL_PASSWORD }, caller);
      if (!refused.ok) throw new Error(refused.error);
      await switchoverSettled(refused.id);
      const r1 = (await findSwitchover(refused.id))!;
      expect(r1.error).toMatch(/nothing was changed: sw-source \(account norel\): RESET … ALL needs RELOAD/);
      expect(r1.steps.map((s) => s.status)).toEqual(["failed", ...Array(7).fill("pending")]);

      await A.query("CREATE ROLE helper");
      await A.query("GRANT helper TO 'norel'@'%'");
      await waitForCaughtUp(A, S);
      const started = await launchSwitchover({ sourceId: ids.get(A)!, candidateId: ids.get(S)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: REPL_PASSWORD }, caller);
      if (!started.ok) throw new Error(started.error);
      await switchoverSettled(started.id);
      const r2 = (await findSwitchover(started.id))!;
      expect(r2.status).toBe("failed");
      expect(r2.steps.find((s) => s.id === "promote")!.error).toMatch(/RELOAD/);
      expect(r2.error).toMatch(/Undone: replication restarted on sw-source; replication restarted on sw-b; sw-a is writable again/);
      expect(await A.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
      for (const r of [S, B]) expect(await waitForSlave(r, (x) => x.Slave_IO_Running === "Yes" && x.Slave_SQL_Running === "Yes")).toMatchObject({ Master_Port: A.port });
    } finally {
      await updateServer(ids.get(S)!, { user: "root", password: "" });
    }
  });

  it("a wrong replication password is caught before anything changes", async () => {
    const started = await launchSwitchover({ sourceId: ids.get(A)!, candidateId: ids.get(S)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: "not the password" }, caller);
    if (!started.ok) throw new Error(started.error);
    await switchoverSettled(started.id);
    const run = (await findSwitchover(started.id))!;
    expect(run.status).toBe("failed");
    expect(run.steps.map((s) => s.status)).toEqual(["failed", ...Array(7).fill("pending")]);
    expect(run.error).toMatch(/The replication account repl could not log in to sw-source from replscope: Access denied/);
    expect(await A.query("SELECT @@read_only AS ro")).toEqual([{ ro: 0 }]);
  });

  it("a failure past the point of no return is not undone and reports where each server stands", async () => {
    const started = await launchSwitchover({ sourceId: ids.get(A)!, candidateId: ids.get(S)!, siblingIds: [ids.get(B)!], replUser: "repl", replPassword: "not the password", verifyCredentials: false }, caller);
    if (!started.ok) throw new Error(started.error);
    await switchoverSettled(started.id);
    const run = (await findSwitchover(started.id))!;
    expect(run.status).toBe("failed");
    expect(run.steps.find((s) => s.id === "promote")!.status).toBe("done");
    expect(run.steps.find((s) => s.id === "verify")!.status).toBe("failed");
    expect(run.error).toMatch(/past the point of no return: nothing was undone/);
    const report = Object.fromEntries(run.report!.map((r) => [r.name, r]));
    expect(report["sw-source"]).toMatchObject({ role: "new source", standing: "not replicating; writable" });
    expect(report["sw-a"].role).toBe("old source");
    expect(report["sw-a"].standing).toMatch(/IO error 1045: .*Access denied/);
    expect(report["sw-b"].standing).toMatch(/IO running, SQL running/);
    expect(JSON.stringify(run)).not.toContain("not the password");
    const { db } = await import("@/lib/data/db");
    expect((await db().switchoverRun.findUniqueOrThrow({ where: { id: started.id } })).secretEnc).toBe("");
  });
});
