// Servers running sql_mode=NO_BACKSLASH_ESCAPES: the wizard's statements mean what they say (no extra account from a
// crafted replication password, the password stored exactly), and the audit trail's masking hides nothing else.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox, teardownAll, waitForCaughtUp } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-nbe-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("../servers");
const { createRun } = await import("./runs");
const { act, abortRun, settled } = await import("./engine");
const { findRun } = await import("@/lib/data/bootstrap");
const { listAudit } = await import("@/lib/data/audit");
const { monitor } = await import("../monitor");

const NBE = ["--sql-mode=STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"];
let S: Sandbox;
let T: Sandbox;
let sourceId: string;
let targetId: string;

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "nbe" });
  if (!r.ok) throw new Error(r.error);
  return r.value.server.id;
}

const accounts = async (sb: Sandbox) => (await sb.query<{ u: string }[]>("SELECT CONCAT(User, '@', Host) AS u FROM mysql.user ORDER BY u")).map((r) => r.u);

/** Logs in as `user` with exactly `password`; resolves with CURRENT_USER(). */
async function loginAs(sb: Sandbox, user: string, password: string) {
  const c = await mysql.createConnection({ host: sb.host, port: sb.port, user, password, connectTimeout: 3000 });
  const [[row]] = (await c.query("SELECT CURRENT_USER() AS me")) as unknown as [{ me: string }[]];
  await c.end();
  return row.me;
}

/** Runs the wizard's steps up to and including `last` (each in turn, as the UI's Next button does). */
async function runUntil(runId: string, last: string) {
  for (;;) {
    const started = await act(runId, "advance");
    if (!started.ok) throw new Error(started.error);
    await settled(runId);
    const run = (await findRun(runId))!;
    if (run.status === "failed") return run;
    if (run.steps.find((s) => s.stepId === last)?.status === "done") return run;
  }
}

beforeAll(async () => {
  [S, T] = await Promise.all([startSandbox({ extraArgs: NBE }), startSandbox({ extraArgs: NBE })]);
  expect((await S.query<{ m: string }[]>("SELECT @@GLOBAL.sql_mode AS m"))[0].m).toContain("NO_BACKSLASH_ESCAPES");
  await S.query("CREATE DATABASE shop");
  await S.query("CREATE TABLE shop.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB");
  await S.query("INSERT INTO shop.items (name) VALUES ('it''s'), ('back\\slash')");
  [sourceId, targetId] = await Promise.all([register(S, "nbe-source"), register(T, "nbe-target")]);
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

const NASTY = [
  ["the crafted password of the report", `x' , evil@'%' #`],
  ["a password that would add evil@'%' without a password", `x' , evil #`],
  ["a password that would add evil@localhost", `x' , evil@localhost #`],
  ["backslashes and quotes", `\\' \\\\ '' \\"' --`],
  ["a lone backslash", `\\`],
] as const;

describe("the replication user on a NO_BACKSLASH_ESCAPES source", () => {
  it.each(NASTY)("%s: exactly one account, with exactly that password; the audit shows the whole statement", async (_what, password) => {
    const before = await accounts(S);
    const replUser = `repl_${before.length}`;
    const created = await createRun({ sourceId, targetId, replUser, replHost: "%", replPassword: password });
    if (!created.ok) throw new Error(created.error);
    try {
      const run = await runUntil(created.value.id, "replication_user");
      expect(await accounts(S)).toEqual([...before, `${replUser}@%`].sort());
      expect(run.error).toBeNull();
      expect(await loginAs(S, replUser, password)).toBe(`${replUser}@%`);
      const statements = (await listAudit({ action: `bootstrap:${run.id}` })).map((a) => a.statement).reverse();
      expect(statements).toEqual([`CREATE USER '${replUser}'@'%' IDENTIFIED BY '*****'`, `GRANT REPLICATION SLAVE ON *.* TO '${replUser}'@'%'`]);
      await abortRun(run.id);
      expect(await accounts(S)).toEqual(before);
    } finally {
      await abortRun(created.value.id);
      for (const a of (await accounts(S)).filter((x) => !before.includes(x))) await S.query(`DROP USER ${a.replace(/^(.*)@(.*)$/, "'$1'@'$2'")}`);
    }
  });
});

describe("a whole run between NO_BACKSLASH_ESCAPES servers", () => {
  it("creates the user, points the replica with the same password, and replicates", async () => {
    const password = `x' , evil #\\ "q"`;
    const created = await createRun({ sourceId, targetId, replUser: "repl_whole", replHost: "%", replPassword: password });
    if (!created.ok) throw new Error(created.error);
    await act(created.value.id, "advance", true);
    await settled(created.value.id);
    const run = (await findRun(created.value.id))!;
    expect(run.error).toBeNull();
    expect(run.status).toBe("done");
    for (const sb of [S, T]) expect((await accounts(sb)).filter((a) => /evil/.test(a))).toEqual([]);
    await S.query("INSERT INTO shop.items (name) VALUES ('after bootstrap')");
    await waitForCaughtUp(S, T);
    expect(await T.query("SELECT name FROM shop.items ORDER BY id")).toEqual([{ name: "it's" }, { name: "back\\slash" }, { name: "after bootstrap" }]);
    const audit = (await listAudit({ action: `bootstrap:${run.id}` })).map((a) => a.statement).join("\n");
    expect(audit).not.toContain("evil");
    expect(audit).toMatch(/MASTER_PASSWORD='\*\*\*\*\*'/);
  });
});
