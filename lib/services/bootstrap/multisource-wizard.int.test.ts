// The wizard against a real MariaDB target that already replicates through a named connection: refused in preflight,
// reset or not, with the connection named; nothing on the target changed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, slaveStatus, startSandboxes, teardownAll, wireReplication } from "@/sandbox";

process.env.REPLSCOPE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-wizard-ms-"));
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("../servers");
const { createRun } = await import("./runs");
const { abortRun, act, settled } = await import("./engine");
const { findRun } = await import("@/lib/data/bootstrap");
const { monitor } = await import("../monitor");

let S: Sandbox, O: Sandbox, T: Sandbox;
const ids = new Map<Sandbox, string>();

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "", cluster: "wizms" });
  if (!r.ok) throw new Error(r.error);
  ids.set(sb, r.value.server.id);
}

beforeAll(async () => {
  [S, O, T] = await startSandboxes(3);
  await wireReplication(O, T, { connectionName: "other", skipCopy: true });
  for (const [sb, name] of [[S, "wizms-source"], [O, "wizms-other"], [T, "wizms-target"]] as const) await register(sb, name);
});

afterAll(async () => {
  monitor().stop();
  await teardownAll();
});

describe("wizard and a multi-source target", () => {
  it.each([false, true])("refuses a target with a named connection (resetTarget %s), naming it; the connection is untouched", async (resetTarget) => {
    const created = await createRun({ sourceId: ids.get(S)!, targetId: ids.get(T)!, replPassword: "pw-123456", replHost: "%", resetTarget, overwriteTarget: true });
    if (!created.ok) throw new Error(created.error);
    await act(created.value.id, "advance", true);
    await settled(created.value.id);
    const run = (await findRun(created.value.id))!;
    expect(run).toMatchObject({ status: "failed", currentStep: "preflight" });
    const log = run.steps.find((s) => s.stepId === "preflight")!.log.map((l) => (l as { text: string }).text).join("\n");
    expect(log).toContain(`FAIL wizms-target already replicates through named channel(s) "other" from 127.0.0.1:${O.port}`);
    expect(await slaveStatus(T, "other")).toMatchObject({ Slave_IO_Running: "Yes", Slave_SQL_Running: "Yes", Master_Port: O.port });
    expect(await slaveStatus(T, "")).toBeUndefined();
    expect((await abortRun(created.value.id)).ok).toBe(true); // frees the target for the next case
  });
});
