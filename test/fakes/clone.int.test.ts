// The CLONE copy step against protocol-level MySQL 8 fakes (no MySQL server can run here).
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

const fakes: FakeServer[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

async function context(targetStatus: Record<string, string | number>, sourceVersion = "8.0.36") {
  const source = await startFake({ version: sourceVersion, scenario: healthyReplica });
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
    target: { host: "127.0.0.1", port: f.port, user: "donor", password: "don'or pw", tlsMode: "disabled" as const },
    version: parseServerVersion(version)!,
  });
  const sides = { source: side(source, "src", sourceVersion), target: side(target, "dst", "8.0.36") };
  const log: { text: string }[] = [];
  const run = { id: "run-clone", options: { useGtid: true } } as never;
  const ctx = { run, replPassword: "x", ...sides, signal: new AbortController().signal, undo: {} as Record<string, unknown>, log: (l: { text: string }) => log.push(l), setProgress: () => {}, saveUndo: async () => {}, ...executors(run, sides, ["don'or pw"], (l) => log.push(l)) };
  return { ctx, target, log };
}

describe("CLONE copy step", () => {
  it("installs the plugin, allows the donor, clones, and takes the recipient's coordinates and GTIDs", async () => {
    const { ctx, target, log } = await context({ STATE: "Completed", ERROR_NO: 0, ERROR_MESSAGE: "", BINLOG_FILE: "binlog.000009", BINLOG_POSITION: 1234, GTID_EXECUTED: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77" });
    await cloneCopy(ctx as never);
    expect(target.queries.filter((q) => !q.startsWith("SELECT"))).toEqual(["INSTALL PLUGIN clone SONAME 'mysql_clone.so'", `SET GLOBAL clone_valid_donor_list = '127.0.0.1:${ctx.source.target.port}'`, `CLONE INSTANCE FROM 'donor'@'127.0.0.1':${ctx.source.target.port} IDENTIFIED BY 'don\\'or pw'`]);
    expect(ctx.undo).toMatchObject({ coordinates: { file: "binlog.000009", position: 1234 }, gtid: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77" });
    expect(log.map((l) => l.text).join(" ")).toContain("IDENTIFIED BY '*****'");
  });

  it("reports a failed clone with its error", async () => {
    const { ctx } = await context({ STATE: "Failed", ERROR_NO: 3862, ERROR_MESSAGE: "Clone Donor Error", BINLOG_FILE: "", BINLOG_POSITION: 0, GTID_EXECUTED: "" });
    await expect(cloneCopy(ctx as never)).rejects.toThrow("Clone failed: error 3862 Clone Donor Error.");
  });

  it("refuses pairs CLONE cannot serve", async () => {
    const { ctx } = await context({ STATE: "Completed" }, "8.4.3");
    await expect(cloneCopy(ctx as never)).rejects.toThrow(/same release series/);
  });
});
