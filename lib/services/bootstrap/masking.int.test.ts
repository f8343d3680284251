// Server errors that quote a password never reach the step log, the run, the audit trail or the database file: a real
// MariaDB refuses a 120-character replication password at CHANGE MASTER and quotes its first 67 characters.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandboxes, teardownAll } from "@/sandbox";

const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-masking-"));
process.env.REPLSCOPE_DATA_DIR = DATA_DIR;
process.env.REPLSCOPE_CONNECT_TIMEOUT_MS = "1500";
const { createServer } = await import("../servers");
const { createRun } = await import("./runs");
const { act, settled } = await import("./engine");
const { findRun } = await import("@/lib/data/bootstrap");
const { listAudit } = await import("@/lib/data/audit");

/** Longer than MariaDB's 96-character MASTER_PASSWORD limit: CREATE USER accepts it, CHANGE MASTER quotes it back. */
const PASSWORD = `Pw${"k7Q-x9Lm".repeat(15)}`;
const PREFIX = PASSWORD.slice(0, 12);
let S: Sandbox, T: Sandbox;

async function register(sb: Sandbox, name: string) {
  const r = await createServer({ name, host: sb.host, port: sb.port, user: "root", password: "" });
  if (!r.ok) throw new Error(r.error);
  return r.value.server.id;
}

beforeAll(async () => {
  [S, T] = await startSandboxes(2);
});
afterAll(teardownAll);

describe("errors quoting a password are masked where they are stored", () => {
  it("a wizard run failing at CHANGE MASTER keeps the server's message but not the password", async () => {
    const [{ File, Position }] = await S.query<{ File: string; Position: number }[]>("SHOW MASTER STATUS");
    const created = await createRun({ sourceId: await register(S, "mask-source"), targetId: await register(T, "mask-target"), replPassword: PASSWORD, replHost: "%", copyMode: "existing", startFile: File, startPos: Position }, { actor: "dba", address: "192.0.2.1" });
    if (!created.ok) throw new Error(created.error);
    await act(created.value.id, "advance", true, { actor: "dba", address: "192.0.2.1" });
    await settled(created.value.id);
    const run = (await findRun(created.value.id))!;
    expect(run).toMatchObject({ status: "failed", currentStep: "point" });
    expect(run.error).toMatch(/String '\*\*\*\*\*.*' is too long for MASTER_PASSWORD/);
    const point = run.steps.find((s) => s.stepId === "point")!;
    expect(JSON.stringify(point.log)).toMatch(/is too long for MASTER_PASSWORD/);
    const audit = await listAudit({ action: `bootstrap:${run.id}` });
    const failed = audit.find((a) => a.error);
    expect(failed).toMatchObject({ statement: expect.stringMatching(/MASTER_PASSWORD='\*\*\*\*\*'/), error: expect.stringMatching(/String '\*\*\*\*\*.*' is too long for MASTER_PASSWORD/) });

    const stored = [JSON.stringify(run), JSON.stringify(await listAudit({ take: 1000 }))];
    for (const f of fs.readdirSync(DATA_DIR).filter((f) => f.startsWith("replscope.db"))) stored.push(fs.readFileSync(path.join(DATA_DIR, f), "latin1"));
    for (const text of stored) expect(text).not.toContain(PREFIX);
  });
});
