// The shared run engine across kinds, on simulated MySQL 8.0 servers: one-active-run locks between the wizard and the
// switchover, and runs of both kinds marked interrupted at startup by one call.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMysqlTrio } from "./cluster-sim";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-fake-runs-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("@/lib/services/servers");
const { createRun } = await import("@/lib/services/bootstrap/runs");
const { abortRun } = await import("@/lib/services/bootstrap/engine");
const { startSwitchover } = await import("@/lib/services/switchover");
const { switchoverSettled } = await import("@/lib/services/switchover/engine");
const { createSwitchover, findSwitchover, saveSwitchover } = await import("@/lib/data/switchover");
const bootstrapData = await import("@/lib/data/bootstrap");
const { markRunsInterrupted } = await import("@/lib/data/runs");

const closers: (() => Promise<void>)[] = [];
const ids: string[] = [];
afterAll(() => Promise.all(closers.map((c) => c())));

beforeAll(async () => {
  const { servers, close } = await startMysqlTrio("8.0.36");
  closers.push(close);
  for (const [i, s] of servers.entries()) {
    const r = await createServer({ name: `runs-${i}`, host: "127.0.0.1", port: s.fake.port, user: "root", password: "pw", cluster: "runs" });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.value.server.id);
  }
});

describe("one active run per server, whatever its kind", () => {
  it("a switchover is refused while a sibling is the target of an unfinished wizard run, and runs once it is aborted", async () => {
    const wizard = await createRun({ sourceId: ids[1], targetId: ids[2], replPassword: "x" });
    if (!wizard.ok) throw new Error(wizard.error);
    const input = { candidateId: ids[1], replUser: "repl", replPassword: "pw'd", confirm: "runs-0" };
    const refused = await startSwitchover(ids[0], input, { actor: "t", address: null });
    expect(refused).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(new RegExp(`unfinished bootstrap run \\(${wizard.value.id}\\)`)) });
    expect((await abortRun(wizard.value.id)).ok).toBe(true);
    const started = await startSwitchover(ids[0], input, { actor: "t", address: null });
    if (!started.ok) throw new Error(started.error);
    await switchoverSettled(started.value.id);
    expect((await findSwitchover(started.value.id))!.status).toBe("done");
  });

  it("a wizard run is refused on a server that takes part in a running switchover", async () => {
    const { run } = (await createSwitchover(ids[1], ids[0], "t", { replUser: "repl", siblingIds: [ids[2]], catchUpSeconds: 60, verifyCredentials: true }, "pw")) as { run: { id: string } };
    try {
      const r = await createRun({ sourceId: ids[1], targetId: ids[2], replPassword: "x" });
      expect(r).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(new RegExp(`already running \\(${run.id}\\)`)) });
    } finally {
      await saveSwitchover(run.id, { status: "failed" });
    }
  });
});

describe("startup", () => {
  it("marks running runs of both kinds interrupted in one call; their running step fails", async () => {
    const created = await createSwitchover(ids[1], ids[0], "t", { replUser: "repl", siblingIds: [], catchUpSeconds: 60, verifyCredentials: true }, "pw");
    if (!("run" in created)) throw new Error("a switchover is still running");
    const sw = created.run;
    await saveSwitchover(sw.id, { steps: sw.steps.map((s, i) => (i === 0 ? { ...s, status: "done" } : i === 1 ? { ...s, status: "running" } : s)) });
    const wizard = await createRun({ sourceId: ids[0], targetId: ids[2], replPassword: "x" });
    if (!wizard.ok) throw new Error(wizard.error);
    await bootstrapData.updateRun(wizard.value.id, { status: "running" });
    await bootstrapData.saveStep(wizard.value.id, "preflight", { status: "running", startedAt: new Date() });

    expect(await markRunsInterrupted()).toEqual({ bootstrap: 1, switchover: 1, failover: 0 });

    const s = (await findSwitchover(sw.id))!;
    expect(s).toMatchObject({ status: "interrupted", error: expect.stringMatching(/check each server's state/) });
    expect(s.steps.map((x) => x.status)).toEqual(["done", "failed", ...Array(6).fill("pending")]);
    expect(s.steps[1].error).toMatch(/replscope stopped while this step ran/);
    const b = (await bootstrapData.findRun(wizard.value.id))!;
    expect(b).toMatchObject({ status: "interrupted", error: expect.stringMatching(/no lock remains/) });
    expect(b.steps[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/replscope stopped/) });
  });
});
