// The wizard's engine on real sandboxes: a whole run, refusals in preflight, a target killed mid-copy, abort and undo.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll, waitForCaughtUp } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-wizard-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("../servers");
const { createRun, planOf } = await import("./runs");
const { act, abortRun, settled } = await import("./engine");
const { findRun } = await import("@/lib/data/bootstrap");
const { listAudit } = await import("@/lib/data/audit");
const { monitor } = await import("../monitor");
const { db } = await import("@/lib/data/db");
/** The run's sealed replication password as stored ("" once forgotten). */
const sealedSecret = async (id: string) => (await db().bootstrapRun.findUniqueOrThrow({ where: { id } })).secretEnc;

const REPL_PASSWORD = `r'e"p\\l ✓ pw`;
let S: Sandbox;
const ids = new Map<Sandbox, string>();

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "wiz" });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
  return r.value.server.id;
}

async function runAll(sourceId: string, targetId: string, extra: Record<string, unknown> = {}) {
  const created = await createRun({ sourceId, targetId, replPassword: REPL_PASSWORD, replHost: "%", ...extra });
  if (!created.ok) throw new Error(created.error);
  const started = await act(created.value.id, "advance", true);
  expect(started.ok).toBe(true);
  await settled(created.value.id);
  return (await findRun(created.value.id))!;
}

beforeAll(async () => {
  S = await startSandbox();
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB");
  await S.query("CREATE TABLE shop.log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(64)) ENGINE=MyISAM");
  await S.query("INSERT INTO shop.items (name) SELECT CONCAT('item ', seq) FROM shop.seq_1_to_30000");
  await S.query("INSERT INTO shop.log (msg) SELECT CONCAT('log ', seq) FROM shop.seq_1_to_1000");
  await register(S, "wiz-source");
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("bootstrap run", () => {
  it("bootstraps an empty server into a replica that really replicates; every change is audited, passwords masked", async () => {
    const T = await startSandbox();
    const run = await runAll(ids.get(S)!, await register(T, "wiz-target"));
    expect(run.error).toBeNull();
    expect(run.status).toBe("done");
    expect(run.steps.map((s) => s.status)).toEqual(Array(7).fill("done"));
    expect(await sealedSecret(run.id)).toBe(""); // forgotten once done
    expect((await planOf(run))!.runbook).toContain("*****"); // its plan still shows, password masked
    expect(run.steps.find((s) => s.stepId === "copy")!.log.map((l) => (l as { text: string }).text).join(" ")).toMatch(/FLUSH TABLES WITH READ LOCK \(1 non-transactional/);
    expect(run.steps.find((s) => s.stepId === "verify")!.log.map((l) => (l as { text: string }).text).join(" ")).toMatch(/MATCH shop\.items: 30000 rows/);
    await S.query("INSERT INTO shop.items (name) VALUES ('after bootstrap')");
    await waitForCaughtUp(S, T);
    expect(await T.query("SELECT COUNT(*) AS n FROM shop.items")).toEqual([{ n: 30001 }]);
    const audit = await listAudit({ action: `bootstrap:${run.id}` });
    const text = audit.map((a) => a.statement).join("\n");
    expect(text).toMatch(/CREATE USER 'replicator'@'%' IDENTIFIED BY '\*\*\*\*\*'/);
    expect(text).toMatch(/CHANGE MASTER TO MASTER_HOST=.*MASTER_PASSWORD='\*\*\*\*\*'/);
    expect(text).not.toContain("e\\\"p");
    expect(text).not.toContain("✓");
  });

  it("refuses a target that is its own source, a duplicate server_id, a source without binlog, and a second run per target", async () => {
    expect(await createRun({ sourceId: ids.get(S)!, targetId: ids.get(S)! })).toMatchObject({ ok: false, error: expect.stringMatching(/own replica/) });
    const dup = await startSandbox({ serverId: S.serverId });
    const failed = await runAll(ids.get(S)!, await register(dup, "wiz-dup"));
    expect(failed).toMatchObject({ status: "failed", currentStep: "preflight", error: expect.stringMatching(/both have server_id/) });
    const again = await createRun({ sourceId: ids.get(S)!, targetId: ids.get(dup)! });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const [noBin, empty] = await Promise.all([startSandbox({ logBin: false }), startSandbox()]);
    const noBinRun = await runAll(await register(noBin, "wiz-nobin"), await register(empty, "wiz-empty"));
    expect(noBinRun.error).toMatch(/no binary log/);
  });

  it("a target killed mid-copy fails the run, leaves no lock, and a retry completes it", async () => {
    const T = await startSandbox();
    const created = await createRun({ sourceId: ids.get(S)!, targetId: await register(T, "wiz-killed"), replUser: "repl_killed", replPassword: REPL_PASSWORD, replHost: "%" });
    if (!created.ok) throw new Error(created.error);
    await act(created.value.id, "advance", true);
    for (let i = 0; i < 400; i++) {
      const r = await findRun(created.value.id);
      if (r?.currentStep === "copy" && r.status === "running") break;
      await new Promise((res) => setTimeout(res, 25));
    }
    await T.kill9();
    await settled(created.value.id);
    const failed = (await findRun(created.value.id))!;
    expect(failed).toMatchObject({ status: "failed", currentStep: "copy" });
    expect(await sealedSecret(created.value.id)).not.toBe(""); // kept: the retry needs it
    await S.session(async (c) => {
      await c.query("SET SESSION lock_wait_timeout = 2");
      await c.query({ sql: "INSERT INTO shop.items (name) VALUES ('source still writable')", timeout: 3000 });
    });
    await T.start();
    await act(created.value.id, "retry", true);
    await settled(created.value.id);
    expect((await findRun(created.value.id))!.status).toBe("done");
  });

  it("positions a MariaDB replica by GTID when asked", async () => {
    const T = await startSandbox();
    const run = await runAll(ids.get(S)!, await register(T, "wiz-gtid"), { replUser: "repl_gtid", useGtid: true });
    expect(run.error).toBeNull();
    const audit = (await listAudit({ action: `bootstrap:${run.id}` })).map((a) => a.statement).join("\n");
    expect(audit).toMatch(/SET GLOBAL gtid_slave_pos = '0-\d+-\d+'/);
    expect(audit).toMatch(/MASTER_USE_GTID=slave_pos/);
    const [row] = await T.query<{ Using_Gtid: string }[]>("SHOW ALL SLAVES STATUS");
    expect(row.Using_Gtid).toBe("Slave_Pos");
    await S.query("INSERT INTO shop.items (name) VALUES ('by gtid')");
    await waitForCaughtUp(S, T);
  });

  it("takes data already on the target at a validated position, and refuses a position the source does not have", async () => {
    const { copyData } = await import("@/lib/mysql/copy");
    const { parseServerVersion } = await import("@/lib/domain/dialect");
    const T = await startSandbox();
    const t = (sb: Sandbox) => ({ host: sb.host, port: sb.port, user: "root", password: "", tlsMode: "disabled" as const });
    const coords = await copyData({ source: t(S), sourceVersion: parseServerVersion("10.11.0-MariaDB")!, target: t(T), lock: true });
    const targetId = await register(T, "wiz-existing");
    const bad = await runAll(ids.get(S)!, targetId, { replUser: "repl_existing", copyMode: "existing", startFile: "mysql-bin.999999", startPos: 4 });
    expect(bad).toMatchObject({ status: "failed", currentStep: "copy", error: expect.stringMatching(/not among the source's binary logs/) });
    await abortRun(bad.id);
    const good = await runAll(ids.get(S)!, targetId, { replUser: "repl_existing2", copyMode: "existing", startFile: coords.file, startPos: coords.position });
    expect(good.error).toBeNull();
    expect(good.status).toBe("done");
    await S.query("INSERT INTO shop.items (name) VALUES ('onto existing data')");
    await waitForCaughtUp(S, T);
  });

  it("abort drops the user it created and resets the replica, and says what stays", async () => {
    const T = await startSandbox();
    const created = await createRun({ sourceId: ids.get(S)!, targetId: await register(T, "wiz-aborted"), replUser: "repl_abort", replPassword: REPL_PASSWORD, replHost: "%" });
    if (!created.ok) throw new Error(created.error);
    for (let i = 0; i < 4; i++) {
      await act(created.value.id, "advance");
      await settled(created.value.id);
    }
    expect((await findRun(created.value.id))!.currentStep).toBe("start");
    const r = await abortRun(created.value.id);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.run.status).toBe("aborted");
    expect(await sealedSecret(created.value.id)).toBe(""); // forgotten once aborted
    expect(r.value.undone.join(" ")).toMatch(/repl_abort@% dropped/);
    expect(r.value.notUndone.join(" ")).toMatch(/data copied onto wiz-aborted stays/);
    expect(await S.query("SELECT COUNT(*) AS n FROM mysql.user WHERE User = 'repl_abort'")).toEqual([{ n: 0 }]);
    expect(await T.query("SHOW ALL SLAVES STATUS")).toEqual([]);
  });
});
