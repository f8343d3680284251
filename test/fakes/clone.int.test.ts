// The CLONE copy step against protocol-level MySQL 8 fakes (no MySQL server can run here): the target clones with a
// temporary donor account made on the source, never with the source's stored monitoring password.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseServerVersion } from "@/lib/domain/dialect";
import { type FakeServer, startFake } from "./mysql-fake";
import { healthyReplica } from "./scenarios";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-clone-"));
const { cloneCopy } = await import("@/lib/services/bootstrap/clone-step");
const { executors } = await import("@/lib/services/bootstrap/context");
const { undoCopy } = await import("@/lib/services/bootstrap/undo");
const { buildPlan } = await import("@/lib/domain/bootstrap/plan");

/** The source's stored monitoring password: it must never reach the target. */
const STORED = "src-stored'pw";
const REPL_HOST = "10.0.0.%";
const DONOR = "'replscope_clone'@'10.0.0.%'";

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function context(targetStatus: Record<string, string | number>, sourceVersion = "8.0.36", signal = new AbortController().signal) {
  const source = await startFake({
    version: sourceVersion,
    scenario: { ...healthyReplica, extra: [{ match: /^CREATE USER/, ok: true }, { match: /^GRANT BACKUP_ADMIN/, ok: true }, { match: /^DROP USER/, ok: true }] },
  });
  const target = await startFake({
    version: "8.0.36",
    scenario: { ...healthyReplica, extra: [
      { match: /^INSTALL PLUGIN clone/, ok: true },
      { match: /^CLONE INSTANCE FROM/, ok: true },
      { match: /clone_status/, columns: Object.keys(targetStatus), rows: [targetStatus] },
    ] },
  });
  fakes.push(source, target);
  const side = (f: FakeServer, name: string, version: string) => ({
    record: { id: name, name, host: "127.0.0.1", port: f.port } as never,
    target: { host: "127.0.0.1", port: f.port, user: "monitor", password: STORED, tlsMode: "disabled" as const },
    version: parseServerVersion(version)!,
  });
  const sides = { source: side(source, "src", sourceVersion), target: side(target, "dst", "8.0.36") };
  const log: { text: string }[] = [];
  const run = { id: "run-clone", options: { useGtid: true, replHost: REPL_HOST } } as never;
  const undone: string[] = [];
  const ctx = { run, replPassword: "x", ...sides, signal, undo: {} as Record<string, unknown>, log: (l: { text: string }) => log.push(l), setProgress: () => {}, saveUndo: async () => {}, undone: (t: string) => undone.push(t), notUndone: (t: string) => undone.push(`not: ${t}`), ...executors(run, sides, [STORED], (l) => log.push(l)) };
  return { ctx, source, target, log, undone };
}

const changes = (f: FakeServer) => f.queries.filter((q) => !q.startsWith("SELECT"));

/** The donor password the source was given (from its CREATE USER), checked to be fresh and random. */
function donorPassword(source: FakeServer): string {
  const create = changes(source).find((q) => q.startsWith("CREATE USER"));
  const pw = /IDENTIFIED BY '([^']+)'$/.exec(create ?? "")?.[1];
  expect(pw).toMatch(/^[A-Za-z0-9_-]{32}$/);
  return pw!;
}

/** No statement on the target carries the source's stored password, in any form. */
function targetNeverSawStored(target: FakeServer) {
  for (const q of target.queries) expect(q.includes(STORED) || q.includes("src-stored")).toBe(false);
}

describe("CLONE copy step", () => {
  it("installs the plugin, allows the donor, clones, and takes the recipient's coordinates and GTIDs", async () => {
    const { ctx, source, target, log } = await context({ STATE: "Completed", ERROR_NO: 0, ERROR_MESSAGE: "", BINLOG_FILE: "binlog.000009", BINLOG_POSITION: 1234, GTID_EXECUTED: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77" });
    await cloneCopy(ctx);
    const pw = donorPassword(source);
    expect(changes(source)).toEqual([`CREATE USER ${DONOR} IDENTIFIED BY '${pw}'`, `GRANT BACKUP_ADMIN ON *.* TO ${DONOR}`, `DROP USER IF EXISTS ${DONOR}`]);
    expect(changes(target)).toEqual(["INSTALL PLUGIN clone SONAME 'mysql_clone.so'", `SET GLOBAL clone_valid_donor_list = '127.0.0.1:${ctx.source.target.port}'`, `CLONE INSTANCE FROM 'replscope_clone'@'127.0.0.1':${ctx.source.target.port} IDENTIFIED BY '${pw}'`]);
    targetNeverSawStored(target);
    expect(ctx.undo).toMatchObject({ coordinates: { file: "binlog.000009", position: 1234 }, gtid: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77" });
    expect(ctx.undo.cloneDonor).toBeUndefined();
    const text = log.map((l) => l.text).join(" ");
    expect(text).toContain("IDENTIFIED BY '*****'");
    expect(text).not.toContain(pw);
  });

  it("reports a failed clone with its error, and still drops the donor account", async () => {
    const { ctx, source, target } = await context({ STATE: "Failed", ERROR_NO: 3862, ERROR_MESSAGE: "Clone Donor Error", BINLOG_FILE: "", BINLOG_POSITION: 0, GTID_EXECUTED: "" });
    await expect(cloneCopy(ctx as never)).rejects.toThrow("Clone failed: error 3862 Clone Donor Error.");
    expect(changes(source).at(-1)).toBe(`DROP USER IF EXISTS ${DONOR}`);
    expect(ctx.undo.cloneDonor).toBeUndefined();
    targetNeverSawStored(target);
  });

  it("an aborted clone drops the donor account; after a crash mid-clone, the copy step's undo drops it", async () => {
    const abort = new AbortController();
    abort.abort();
    const { ctx, source } = await context({ STATE: "In Progress" }, "8.0.36", abort.signal);
    await expect(cloneCopy(ctx as never)).rejects.toThrow();
    expect(changes(source).at(-1)).toBe(`DROP USER IF EXISTS ${DONOR}`);
    const crashed = await context({ STATE: "Completed" });
    crashed.ctx.undo.cloneDonor = { user: "replscope_clone", host: REPL_HOST };
    await undoCopy(crashed.ctx);
    expect(changes(crashed.source)).toEqual([`DROP USER IF EXISTS ${DONOR}`]);
    expect(crashed.undone).toEqual([`Temporary clone donor account replscope_clone@${REPL_HOST} dropped from src.`]);
  });

  it("refuses pairs CLONE cannot serve (nothing created on the source)", async () => {
    const { ctx, source } = await context({ STATE: "Completed" }, "8.4.3");
    await expect(cloneCopy(ctx as never)).rejects.toThrow(/same release series/);
    expect(changes(source)).toEqual([]);
  });

  it("the dry-run plan shows the donor account's statements, its password masked, and no source account", () => {
    const v = parseServerVersion("8.0.36")!;
    const plan = buildPlan({ source: { host: "src", port: 3306, user: "monitor", version: v }, target: { host: "dst", port: 3306, user: "monitor", version: v }, replUser: "repl", replHost: REPL_HOST, replPassword: "rp", reuseUser: false, resetTarget: false, lockForCopy: false, clone: true });
    expect(plan.find((s) => s.id === "copy")!.actions).toEqual([
      { on: "source", sql: `CREATE USER ${DONOR} IDENTIFIED BY '*****'` },
      { on: "source", sql: `GRANT BACKUP_ADMIN ON *.* TO ${DONOR}` },
      { on: "target", sql: "INSTALL PLUGIN clone SONAME 'mysql_clone.so'" },
      { on: "target", sql: "SET GLOBAL clone_valid_donor_list = 'src:3306'" },
      { on: "target", sql: "CLONE INSTANCE FROM 'replscope_clone'@'src':3306 IDENTIFIED BY '*****'" },
      { on: "source", sql: `DROP USER IF EXISTS ${DONOR}` },
    ]);
  });
});
