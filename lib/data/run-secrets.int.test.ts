// How long a run's sealed replication password is kept (real SQLite): a switchover forgets it when it is no longer
// running (also when replscope restarts and marks it interrupted); a wizard run keeps it while it can be retried.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-run-secrets-"));
const servers = await import("./servers");
const { createRun } = await import("./bootstrap");
const { createSwitchover } = await import("./switchover");
const { bootstrapStore, markRunsInterrupted } = await import("./runs");
const { db } = await import("./db");

let nextPort = 3306;
const register = (name: string) =>
  servers.insertServer({ name, host: "127.0.0.1", port: nextPort++, user: "monitor", password: "pw", tlsMode: "disabled", tags: [], heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null });
const wizardSecret = async (id: string) => (await db().bootstrapRun.findUniqueOrThrow({ where: { id } })).secretEnc;
const switchoverSecret = async (id: string) => (await db().switchoverRun.findUniqueOrThrow({ where: { id } })).secretEnc;

describe("run secrets", () => {
  it("a switchover marked interrupted at startup forgets its password; an interrupted wizard run keeps it for the retry", async () => {
    const [a, b, c] = [await register("rs-a"), await register("rs-b"), await register("rs-c")];
    const run = await createRun(a.id, b.id, {} as never, "wizard-pw");
    const sw = await createSwitchover(a.id, c.id, "admin", { siblingIds: [] } as never, "switch-pw");
    if (!("run" in run) || !("run" in sw)) throw new Error("setup failed");
    await db().bootstrapRun.update({ where: { id: run.run.id }, data: { status: "running" } });
    expect(await switchoverSecret(sw.run.id)).not.toBe("");

    expect(await markRunsInterrupted()).toEqual({ bootstrap: 1, switchover: 1, failover: 0 });
    expect(await switchoverSecret(sw.run.id)).toBe("");
    expect((await db().switchoverRun.findUniqueOrThrow({ where: { id: sw.run.id } })).status).toBe("interrupted");
    expect(await wizardSecret(run.run.id)).not.toBe("");
  });

  it("a wizard run keeps its password while failed, interrupted or waiting, and forgets it when done or aborted", async () => {
    const [a, b] = [await register("rw-a"), await register("rw-b")];
    for (const end of ["done", "aborted"] as const) {
      const run = await createRun(a.id, b.id, {} as never, "wizard-pw");
      if (!("run" in run)) throw new Error("setup failed");
      for (const kept of ["failed", "interrupted", "waiting", "running"] as const) {
        await bootstrapStore.forgetSecret(run.run.id, kept);
        expect(await wizardSecret(run.run.id), kept).not.toBe("");
      }
      await bootstrapStore.forgetSecret(run.run.id, end);
      expect(await wizardSecret(run.run.id), end).toBe("");
      await db().bootstrapRun.update({ where: { id: run.run.id }, data: { status: end } });
    }
  });
});
